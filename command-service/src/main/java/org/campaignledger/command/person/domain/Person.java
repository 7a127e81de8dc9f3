package org.campaignledger.command.person.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.vault.Shredder;
import org.campaignledger.command.vault.Vault;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.person.PersonCommand.RegisterPerson;
import org.campaignledger.kernel.person.PersonCommand.ShredPersonalData;
import org.campaignledger.kernel.person.PersonCommand.UpdateMobileStatus;
import org.campaignledger.kernel.person.PersonEvent.MobileMemberStatusChanged;
import org.campaignledger.kernel.person.PersonEvent.PersonRegistered;
import org.campaignledger.kernel.person.PersonEvent.PersonalDataShredded;

/** A person (DOMAIN §4.1): identity in the vault, party membership, home branch and mobile-member data. */
public class Person {
    @AggregateIdentifier
    private PersonId personId;
    private boolean partyMember;
    private UnitId outflowBranchUnitId;
    private UnitId inflowBranchUnitId;
    private boolean identityShredded;

    protected Person() {
        // for event sourcing
    }

    /**
     * DOMAIN §3.6: name and contact are personal data, so only the vault token and a keyed digest reach the event
     * (DOMAIN-ERRATA I12).
     */
    @CommandHandler
    public Person(RegisterPerson command, UnitDirectory units, Vault vault) {
        if (command.homeBranchUnitId() != null && units.find(command.homeBranchUnitId()).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "unit " + command.homeBranchUnitId()
                    + " is not registered", Map.of("field", "homeBranchUnitId"));
        }
        Vault.Ref pii = vault.put(Vault.personSubject(command.personId()), Vault.DataClass.PII,
                command.name() + "\n" + command.contact());
        apply(new PersonRegistered(command.personId(), pii.token(), null, pii.hmacSha256(), command.partyMember(),
                command.homeBranchUnitId(), command.cadreRank()));
    }

    /**
     * R-ORG-05: a mobile party member takes part at the inflow branch, with the outflow branch secondary; both
     * must be registered units, and they must differ.
     */
    @CommandHandler
    void handle(UpdateMobileStatus command, UnitDirectory units) {
        if (command.inflowBranchUnitId() != null) {
            if (!partyMember) {
                throw new RuleViolation("R-ORG-05", "person " + personId
                        + " is not a party member, so cannot be a mobile party member", Map.of("field", "personId"));
            }
            if (command.inflowBranchUnitId().equals(command.outflowBranchUnitId())) {
                throw new RuleViolation("R-ORG-05", "the inflow and outflow branches must differ",
                        Map.of("field", "inflowBranchUnitId"));
            }
            requireBranch(units, command.outflowBranchUnitId(), "outflowBranchUnitId");
            requireBranch(units, command.inflowBranchUnitId(), "inflowBranchUnitId");
        }
        if (Objects.equals(command.outflowBranchUnitId(), outflowBranchUnitId)
                && Objects.equals(command.inflowBranchUnitId(), inflowBranchUnitId)) {
            throw new RuleViolation(PlatformRules.STATE, "the mobile status of person " + personId
                    + " is already as given", Map.of("field", "inflowBranchUnitId"));
        }
        apply(new MobileMemberStatusChanged(personId, command.outflowBranchUnitId(), command.inflowBranchUnitId()));
    }

    /**
     * DOMAIN §3.6 and DOMAIN-ERRATA I12: crypto-shredding destroys the vault keys of the person's identity and of
     * the named opinions' submitter identities; events are never touched. Each subject is shredded once: naming
     * only subjects already shredded is a state error, and an opinion without a submitter identity is unknown.
     */
    @CommandHandler
    void handle(ShredPersonalData command, Shredder shredder) {
        List<String> subjects = new ArrayList<>();
        if (!identityShredded) {
            subjects.add(Vault.personSubject(personId));
        }
        for (OpinionId opinion : command.submittedOpinionIds()) {
            String subject = Vault.submitterSubject(opinion);
            Shredder.KeyState state = shredder.state(subject);
            if (state == Shredder.KeyState.NONE) {
                throw new RuleViolation(PlatformRules.NOT_FOUND, "opinion " + opinion
                        + " has no submitter identity in the vault", Map.of("field", "submittedOpinionIds"));
            }
            if (state == Shredder.KeyState.ACTIVE && !subjects.contains(subject)) {
                subjects.add(subject);
            }
        }
        if (subjects.isEmpty()) {
            throw new RuleViolation(PlatformRules.STATE, "the personal data named for person " + personId
                    + " is already shredded", Map.of("field", "personId"));
        }
        subjects.forEach(shredder::shred);
        apply(new PersonalDataShredded(personId, List.copyOf(subjects), command.reason()));
    }

    private static void requireBranch(UnitDirectory units, UnitId branch, String field) {
        if (units.find(branch).isEmpty()) {
            throw new RuleViolation("R-ORG-05", "branch " + branch + " is not a registered unit",
                    Map.of("field", field));
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        partyMember = event.partyMember();
    }

    @EventSourcingHandler
    void on(PersonalDataShredded event) {
        identityShredded = true;
    }

    @EventSourcingHandler
    void on(MobileMemberStatusChanged event) {
        outflowBranchUnitId = event.outflowBranchUnitId();
        inflowBranchUnitId = event.inflowBranchUnitId();
    }
}
