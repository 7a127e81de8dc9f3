package org.campaignledger.command.supervision.domain;

import static org.campaignledger.command.domain.StateGuard.requireState;

import org.campaignledger.command.organisation.domain.RosterDirectory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.SgId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.supervision.SgKind;
import org.campaignledger.kernel.supervision.SgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.AddSgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.AssignUnit;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.DisbandSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.FormSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.RemoveSgMember;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand.UnassignUnit;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupDisbanded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupFormed;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberAdded;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.SupervisionGroupMemberRemoved;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitAssignedToSupervisionGroup;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent.UnitUnassignedFromSupervisionGroup;

/**
 * A supervision, joint, circuit or guidance group (DOMAIN §4.4). States: FORMED → ACTIVE (first assignment)
 * → DISBANDED.
 */
public class SupervisionGroup {
    enum State { FORMED, ACTIVE, DISBANDED }

    @AggregateIdentifier
    private SgId sgId;
    private SgKind kind;
    private UnitId dispatchingUnitId;
    private PersonId leaderPersonId;
    private State state;
    private final Map<PersonId, UnitId> members = new LinkedHashMap<>();
    /** Current assignments and the day each began. */
    private final Map<UnitId, LocalDate> assignments = new LinkedHashMap<>();

    protected SupervisionGroup() {
        // for event sourcing
    }

    @CommandHandler
    public SupervisionGroup(FormSupervisionGroup command, UnitDirectory units) {
        UnitFacts dispatcher = existingUnit(units, command.dispatchingUnitId(), "dispatchingUnitId");
        for (SgMember member : command.members()) {
            existingUnit(units, member.sourceUnitId(), "members.sourceUnitId");
        }
        apply(new SupervisionGroupFormed(command.sgId(), command.kind(), command.dispatchingUnitId(),
                dispatcher.level(), command.label(), command.leaderPersonId(), command.members(), command.date()));
    }

    /** R-SG-03: a new member may not be on the roster of any unit the group supervises now. */
    @CommandHandler
    void handle(AddSgMember command, UnitDirectory units, RosterDirectory rosters) {
        requireState("group", state, EnumSet.of(State.FORMED, State.ACTIVE));
        if (members.containsKey(command.personId())) {
            throw new RuleViolation(PlatformRules.EXISTS, command.personId() + " is already a member",
                    Map.of("field", "personId"));
        }
        existingUnit(units, command.sourceUnitId(), "sourceUnitId");
        for (UnitId unit : assignments.keySet()) {
            requireIndependent(rosters, unit, command.personId(), command.date(), "personId");
        }
        apply(new SupervisionGroupMemberAdded(sgId, command.personId(), command.sourceUnitId(), command.date()));
    }

    @CommandHandler
    void handle(RemoveSgMember command) {
        requireState("group", state, EnumSet.of(State.FORMED, State.ACTIVE));
        if (!members.containsKey(command.personId())) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, command.personId() + " is not a member",
                    Map.of("field", "personId"));
        }
        if (command.personId().equals(leaderPersonId)) {
            throw new RuleViolation(PlatformRules.STATE, "the leader cannot be removed from the group",
                    Map.of("field", "personId"));
        }
        apply(new SupervisionGroupMemberRemoved(sgId, command.personId(), command.reason(), command.date()));
    }

    /**
     * R-SG-01: the dispatching body may send this kind of group to the unit. R-SG-02: the unit has no other
     * non-circuit group on or after that day. R-SG-03: no member is on the unit's roster.
     */
    @CommandHandler
    void handle(AssignUnit command, UnitDirectory units, SupervisionDirectory groups, RosterDirectory rosters) {
        requireState("group", state, EnumSet.of(State.FORMED, State.ACTIVE));
        if (assignments.containsKey(command.unitId())) {
            throw new RuleViolation(PlatformRules.EXISTS, command.unitId() + " is already assigned to this group",
                    Map.of("field", "unitId"));
        }
        UnitFacts target = existingUnit(units, command.unitId(), "unitId");
        UnitFacts dispatcher = existingUnit(units, dispatchingUnitId, "dispatchingUnitId");
        Optional<String> refusal = DispatchRules.refusal(kind, dispatcher, target);
        if (refusal.isPresent()) {
            throw new RuleViolation("R-SG-01", refusal.get(), Map.of("field", "unitId"));
        }
        if (!kind.isCircuit()) {
            groups.groupsAssignedOnOrAfter(command.unitId(), command.from()).stream()
                    .filter(other -> !other.kind().isCircuit() && !other.sgId().equals(sgId))
                    .findFirst()
                    .ifPresent(other -> {
                        throw new RuleViolation("R-SG-02", command.unitId() + " is already supervised by group "
                                + other.sgId() + " from " + other.from(),
                                Map.of("field", "unitId", "sgId", other.sgId().value()));
                    });
        }
        for (PersonId member : members.keySet()) {
            requireIndependent(rosters, command.unitId(), member, command.from(), "unitId");
        }
        apply(new UnitAssignedToSupervisionGroup(sgId, command.unitId(), command.from()));
    }

    @CommandHandler
    void handle(UnassignUnit command) {
        requireState("group", state, EnumSet.of(State.ACTIVE));
        LocalDate from = assignments.get(command.unitId());
        if (from == null) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, command.unitId() + " is not assigned to this group",
                    Map.of("field", "unitId"));
        }
        if (command.to().isBefore(from)) {
            throw new RuleViolation(PlatformRules.VALIDATION, "the assignment began on " + from
                    + "; it cannot end before", Map.of("field", "to"));
        }
        apply(new UnitUnassignedFromSupervisionGroup(sgId, command.unitId(), command.to(), command.reason()));
    }

    @CommandHandler
    void handle(DisbandSupervisionGroup command) {
        requireState("group", state, EnumSet.of(State.ACTIVE));
        if (!assignments.isEmpty()) {
            throw new RuleViolation(PlatformRules.STATE, "the group still supervises " + assignments.keySet()
                    + "; unassign them first", Map.of("state", state.name()));
        }
        apply(new SupervisionGroupDisbanded(sgId, command.date()));
    }

    private static void requireIndependent(RosterDirectory rosters, UnitId unit, PersonId person, LocalDate on,
                                           String field) {
        if (rosters.isOnRoster(unit, person, on)) {
            throw new RuleViolation("R-SG-03", person + " is on the roster of " + unit
                    + " and may not supervise it", Map.of("field", field, "personId", person.value(),
                    "unitId", unit.value()));
        }
    }

    private static UnitFacts existingUnit(UnitDirectory units, UnitId unitId, String field) {
        return units.find(unitId).orElseThrow(() -> new RuleViolation(PlatformRules.NOT_FOUND,
                "unit " + unitId + " is not registered", Map.of("field", field)));
    }


    @EventSourcingHandler
    void on(SupervisionGroupFormed event) {
        sgId = event.sgId();
        kind = event.kind();
        dispatchingUnitId = event.dispatchingUnitId();
        leaderPersonId = event.leaderPersonId();
        event.members().forEach(m -> members.put(m.personId(), m.sourceUnitId()));
        state = State.FORMED;
    }

    @EventSourcingHandler
    void on(SupervisionGroupMemberAdded event) {
        members.put(event.personId(), event.sourceUnitId());
    }

    @EventSourcingHandler
    void on(SupervisionGroupMemberRemoved event) {
        members.remove(event.personId());
    }

    @EventSourcingHandler
    void on(UnitAssignedToSupervisionGroup event) {
        assignments.put(event.unitId(), event.from());
        state = State.ACTIVE;
    }

    @EventSourcingHandler
    void on(UnitUnassignedFromSupervisionGroup event) {
        assignments.remove(event.unitId());
    }

    @EventSourcingHandler
    void on(SupervisionGroupDisbanded event) {
        state = State.DISBANDED;
    }
}
