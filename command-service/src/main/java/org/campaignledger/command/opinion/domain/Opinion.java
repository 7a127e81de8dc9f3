package org.campaignledger.command.opinion.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.vault.Vault;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.opinion.OpinionCommand.ClassifyOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.RecordOpinion;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.ProblemFamily;
import org.campaignledger.kernel.organisation.UnitType;

/** One opinion heard from the public or from inside (DOMAIN §4.6). This slice: RECORDED → CLASSIFIED. */
public class Opinion {
    enum Status { RECORDED, CLASSIFIED }

    @AggregateIdentifier
    private OpinionId opinionId;
    private CampaignId campaignId;
    private UnitId targetUnitId;
    private Status status;

    protected Opinion() {
        // for event sourcing
    }

    /**
     * R-OPN-09: an opinion may be recorded at any time, before any participation of its unit exists.
     * R-OPN-01 and R-OPN-02: the text and the submitter's identity go to the vault; the event keeps their
     * tokens and digests, so the text can never be edited and the identity never leaks through an event.
     */
    @CommandHandler
    public Opinion(RecordOpinion command, CampaignDirectory campaigns, UnitDirectory units, Vault vault,
                   @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        if (!campaigns.exists(command.campaignId())) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "campaign " + command.campaignId() + " is not defined",
                    Map.of("field", "campaignId"));
        }
        if (units.find(command.collectedAtUnitId()).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND,
                    "unit " + command.collectedAtUnitId() + " is not registered",
                    Map.of("field", "collectedAtUnitId"));
        }
        Vault.Ref text = vault.put("opinion:" + command.opinionId(), Vault.DataClass.INTERNAL, command.rawText());
        String submitterRef = command.submitterPii() == null ? null
                : vault.put("submitter:" + command.opinionId(), Vault.DataClass.PII,
                command.submitterPii().name() + "\n" + command.submitterPii().contact()).token();
        apply(new OpinionRecorded(command.opinionId(), command.campaignId(), command.receivedOn(), command.channel(),
                command.mode(), command.submitterCategory(), submitterRef, text.token(), text.sha256(),
                PersonId.of(actorId), command.collectedAtUnitId(), command.solicitationRef(),
                command.submitterCategory().isPriority()));
    }

    /** R-OPN-11: family is mandatory, fourWind goes with FOUR_WINDS only, a focus code fits the unit's type. */
    @CommandHandler
    void handle(ClassifyOpinion command, UnitDirectory units, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        if (status != Status.RECORDED) {
            throw new RuleViolation(PlatformRules.STATE, "the opinion is already " + status
                    + "; a classification is changed with CorrectOpinionClassification", Map.of("state", status.name()));
        }
        if (command.family() == null) {
            throw new RuleViolation("R-OPN-11", "family is mandatory", Map.of("field", "family"));
        }
        if (command.family() == ProblemFamily.FOUR_WINDS && command.fourWind() == null) {
            throw new RuleViolation("R-OPN-11", "fourWind is mandatory when family is FOUR_WINDS",
                    Map.of("field", "fourWind"));
        }
        if (command.family() != ProblemFamily.FOUR_WINDS && command.fourWind() != null) {
            throw new RuleViolation("R-OPN-11", "fourWind applies only when family is FOUR_WINDS",
                    Map.of("field", "fourWind"));
        }
        if (command.focusProblemCode() != null) {
            UnitType type = units.find(targetUnitId).map(UnitDirectory.UnitFacts::unitType)
                    .orElseThrow(() -> new IllegalStateException("unit " + targetUnitId + " left the directory"));
            if (!type.focusProblemCodes().contains(command.focusProblemCode())) {
                throw new RuleViolation("R-OPN-11", "focus problem " + command.focusProblemCode()
                        + " does not belong to unit type " + type,
                        Map.of("field", "focusProblemCode", "unitType", type.name(),
                                "allowed", type.focusProblemCodes().stream().sorted().toList()));
            }
        }
        apply(new OpinionClassified(opinionId, campaignId, targetUnitId, command.family(), command.fourWind(),
                command.topic(), command.focusProblemCode(), PersonId.of(actorId)));
    }

    @EventSourcingHandler
    void on(OpinionRecorded event) {
        opinionId = event.opinionId();
        campaignId = event.campaignId();
        targetUnitId = event.collectedAtUnitId();
        status = Status.RECORDED;
    }

    @EventSourcingHandler
    void on(OpinionClassified event) {
        status = Status.CLASSIFIED;
    }
}
