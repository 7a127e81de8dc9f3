package org.campaignledger.command.opinion.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.command.vault.Shredder;
import org.campaignledger.command.vault.Vault;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.OpinionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.opinion.OpinionClassification;
import org.campaignledger.kernel.opinion.OpinionCommand.AcknowledgeOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.ClassifyOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.CopyOpinionTo;
import org.campaignledger.kernel.opinion.OpinionCommand.CorrectOpinionClassification;
import org.campaignledger.kernel.opinion.OpinionCommand.EscalateOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.ExplainOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.MarkOpinionResolved;
import org.campaignledger.kernel.opinion.OpinionCommand.MergeDuplicateOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.RecordOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.RecordSubmitterFeedback;
import org.campaignledger.kernel.opinion.OpinionCommand.ShredSubmitterIdentity;
import org.campaignledger.kernel.opinion.OpinionCommand.ReferOpinion;
import org.campaignledger.kernel.opinion.OpinionCommand.RouteOpinion;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionAcknowledged;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionAddressed;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassificationCorrected;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClassified;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionClosed;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionCopied;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionEscalated;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionExplained;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionFollowUpOverdue;
import org.campaignledger.kernel.opinion.OpinionEvent.SubmitterIdentityShredded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionMergedAsDuplicate;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRecorded;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionReferred;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionResolved;
import org.campaignledger.kernel.opinion.OpinionEvent.OpinionRouted;
import org.campaignledger.kernel.opinion.OpinionEvent.SubmitterFeedbackRecorded;
import org.campaignledger.kernel.opinion.OpinionMode;
import org.campaignledger.kernel.opinion.OpinionTarget;
import org.campaignledger.kernel.opinion.ProblemFamily;
import org.campaignledger.kernel.organisation.UnitType;

/**
 * One opinion heard from the public or from inside (DOMAIN §4.6):
 * RECORDED → CLASSIFIED → ROUTED → ACKNOWLEDGED → ADDRESSED → RESOLVED → CLOSED, or MERGED into a duplicate.
 */
public class Opinion {
    enum Status { RECORDED, CLASSIFIED, ROUTED, ACKNOWLEDGED, ADDRESSED, RESOLVED, CLOSED, MERGED }

    static final String OPINION_FOLLOW_UP = "opinionFollowUp";
    static final int FOLLOW_UP_DAYS = 30;
    private static final Set<Status> BEFORE_ADDRESSED =
            EnumSet.of(Status.RECORDED, Status.CLASSIFIED, Status.ROUTED, Status.ACKNOWLEDGED);

    @AggregateIdentifier
    private OpinionId opinionId;
    private CampaignId campaignId;
    private UnitId collectedAtUnitId;
    private LocalDate receivedOn;
    private OpinionMode.Naming naming;
    private boolean submitterContactable;
    private OpinionClassification classification;
    private PersonId classifiedBy;
    private OpinionTarget target;
    private final Set<UnitId> copies = new HashSet<>();
    private OpinionAddressed.AddressedBy addressedBy;
    private Status status;

    protected Opinion() {
        // for event sourcing
    }

    /**
     * R-OPN-09: an opinion may be recorded at any time, before any participation of its unit exists.
     * R-OPN-01 and R-OPN-02: the text and the submitter's identity go to the vault; the event keeps their
     * tokens and digests, so the text can never be edited and the identity never leaks through an event.
     * R-OPN-08: work and service objects are heard first.
     */
    @CommandHandler
    public Opinion(RecordOpinion command, CampaignDirectory campaigns, UnitDirectory units, Vault vault,
                   @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        if (!campaigns.exists(command.campaignId())) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "campaign " + command.campaignId() + " is not defined",
                    Map.of("field", "campaignId"));
        }
        unit(units, command.collectedAtUnitId(), "collectedAtUnitId");
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
        requireStatus(EnumSet.of(Status.RECORDED),
                "; a classification is changed with CorrectOpinionClassification");
        OpinionClassification checked = classification(command.family(), command.fourWind(), command.topic(),
                command.focusProblemCode(), units);
        apply(new OpinionClassified(opinionId, campaignId, attributedUnit(), checked.family(), checked.fourWind(),
                checked.topic(), checked.focusProblemCode(), PersonId.of(actorId)));
    }

    /** DOMAIN §3.5 and SoD-6: a correction is approved by someone other than the person who classified. */
    @CommandHandler
    void handle(CorrectOpinionClassification command, UnitDirectory units,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        if (classification == null || status == Status.MERGED) {
            throw new RuleViolation(PlatformRules.STATE, "only a classified opinion can be corrected; it is "
                    + status, Map.of("state", status.name()));
        }
        if (PersonId.of(actorId).equals(classifiedBy)) {
            throw new RuleViolation("SoD-6", "the correction must be approved by someone other than "
                    + classifiedBy + ", who classified the opinion", Map.of("approvedByPersonId", actorId));
        }
        OpinionClassification corrected = classification(command.family(), command.fourWind(), command.topic(),
                command.focusProblemCode(), units);
        apply(new OpinionClassificationCorrected(opinionId, campaignId, attributedUnit(), classification, corrected,
                command.reason(), PersonId.of(actorId)));
    }

    /**
     * R-OPN-03: exactly one primary target at a time, so statistics add up: an opinion is routed once, and a
     * later change of target is an escalation. A higher-level target is an ancestor of the collecting unit; a
     * person is on the target unit's roster on the day the opinion was received.
     */
    @CommandHandler
    void handle(RouteOpinion command, UnitDirectory units, RosterDirectory rosters, DeadlineManager deadlines,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        if (target != null) {
            throw new RuleViolation("R-OPN-03", "the opinion already has its primary target " + target.unitId()
                    + "; add recipients with CopyOpinionTo or move it up with EscalateOpinion",
                    Map.of("field", "targetUnitId"));
        }
        requireStatus(EnumSet.of(Status.CLASSIFIED), "; classify it first");
        OpinionTarget newTarget = command.target();
        unit(units, newTarget.unitId(), "targetUnitId");
        if (newTarget.level() == OpinionTarget.Level.HIGHER_LEVEL
                && !ancestorsOf(units, collectedAtUnitId).contains(newTarget.unitId())) {
            throw new RuleViolation("R-OPN-03", "a HIGHER_LEVEL target must be above " + collectedAtUnitId,
                    Map.of("field", "targetUnitId"));
        }
        if (newTarget.level() == OpinionTarget.Level.PERSON
                && !rosters.isOnRoster(newTarget.unitId(), newTarget.personId(), receivedOn)) {
            throw new RuleViolation("R-OPN-03", newTarget.personId() + " was not on the roster of "
                    + newTarget.unitId() + " on " + receivedOn, Map.of("field", "targetPersonId"));
        }
        apply(new OpinionRouted(opinionId, newTarget, PersonId.of(actorId)));
        LocalDate routedOn = Deadlines.businessDate(occurredAt);
        FollowUp followUp = new FollowUp(routedOn, routedOn.plusDays(FOLLOW_UP_DAYS));
        deadlines.schedule(Deadlines.firesAfter(followUp.dueOn()), OPINION_FOLLOW_UP, followUp);
    }

    /** R-OPN-10's follow-up period after routing ({@code [ASM]} 30 days, DOMAIN §4.19 opinionFollowUp). */
    record FollowUp(LocalDate routedOn, LocalDate dueOn) {
    }

    @DeadlineHandler(deadlineName = OPINION_FOLLOW_UP)
    void on(FollowUp followUp) {
        if (status == Status.ROUTED || status == Status.ACKNOWLEDGED) {
            apply(new OpinionFollowUpOverdue(opinionId, followUp.routedOn(), followUp.dueOn(),
                    Deadlines.firesAfter(followUp.dueOn())));
        }
    }

    /** R-OPN-03: copies inform; they never count as a target. */
    @CommandHandler
    void handle(CopyOpinionTo command, UnitDirectory units) {
        requireNot(Status.MERGED);
        unit(units, command.unitId(), "unitId");
        if (target != null && target.unitId().equals(command.unitId())) {
            throw new RuleViolation("R-OPN-03", command.unitId() + " is the primary target, not a copy",
                    Map.of("field", "unitId"));
        }
        if (!copies.contains(command.unitId())) {
            apply(new OpinionCopied(opinionId, command.unitId()));
        }
    }

    @CommandHandler
    void handle(AcknowledgeOpinion command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireStatus(EnumSet.of(Status.ROUTED), "; only a routed opinion is acknowledged");
        apply(new OpinionAcknowledged(opinionId, PersonId.of(actorId)));
    }

    @CommandHandler
    void handle(ExplainOpinion command, Vault vault, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(Status.ACKNOWLEDGED), "; the target acknowledges the opinion first");
        Vault.Ref explanation = vault.put("opinion:" + opinionId, Vault.DataClass.INTERNAL, command.explanationText());
        apply(new OpinionExplained(opinionId, command.reason(), explanation.token(), explanation.sha256()));
        apply(new OpinionAddressed(opinionId, OpinionAddressed.AddressedBy.EXPLANATION));
        deadlines.cancelAllWithinScope(OPINION_FOLLOW_UP);
    }

    /** R-OPN-04: what the unit cannot solve goes to a higher unit and stays linked to the same opinion. */
    @CommandHandler
    void handle(EscalateOpinion command, UnitDirectory units) {
        requireStatus(EnumSet.of(Status.ROUTED, Status.ACKNOWLEDGED), "; only a routed opinion is escalated");
        unit(units, command.toUnitId(), "toUnitId");
        if (!ancestorsOf(units, target.unitId()).contains(command.toUnitId())) {
            throw new RuleViolation("R-OPN-04", command.toUnitId() + " is not above the current target "
                    + target.unitId(), Map.of("field", "toUnitId"));
        }
        apply(new OpinionEscalated(opinionId, target.unitId(), command.toUnitId(), command.reason()));
    }

    /** R-OPN-07: the referral's content is CONFIDENTIAL, so its reference number goes to the vault. */
    @CommandHandler
    void handle(ReferOpinion command, Vault vault, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireNot(Status.MERGED);
        Vault.Ref reference = vault.put("referral:" + opinionId, Vault.DataClass.CONFIDENTIAL, command.referenceNo());
        apply(new OpinionReferred(opinionId, command.to(), reference.token(), PersonId.of(actorId)));
    }

    /** R-OPN-05: duplicates are merged before the opinion is addressed; raw and unique counts both stay. */
    @CommandHandler
    void handle(MergeDuplicateOpinion command, DeadlineManager deadlines) {
        requireStatus(BEFORE_ADDRESSED, "; an addressed opinion is no longer merged");
        if (command.intoOpinionId().equals(opinionId)) {
            throw new RuleViolation("R-OPN-05", "an opinion cannot be a duplicate of itself",
                    Map.of("field", "intoOpinionId"));
        }
        apply(new OpinionMergedAsDuplicate(opinionId, command.intoOpinionId(), command.similarity()));
        deadlines.cancelAllWithinScope(OPINION_FOLLOW_UP);
    }

    /** Items do not exist yet in this slice, so only an opinion addressed by explanation can be resolved. */
    @CommandHandler
    void handle(MarkOpinionResolved command) {
        requireStatus(EnumSet.of(Status.ADDRESSED), "");
        if (addressedBy != OpinionAddressed.AddressedBy.EXPLANATION) {
            throw new RuleViolation(PlatformRules.STATE, "an opinion addressed by " + addressedBy
                    + " is resolved when all its linked items are closed", Map.of("state", status.name()));
        }
        apply(new OpinionResolved(opinionId, List.of()));
        if (naming == OpinionMode.Naming.ANONYMOUS) {
            apply(new OpinionClosed(opinionId));
        }
    }

    @CommandHandler
    void handle(RecordSubmitterFeedback command) {
        requireStatus(EnumSet.of(Status.RESOLVED), "");
        if (naming != OpinionMode.Naming.NAMED || !submitterContactable) {
            throw new RuleViolation(PlatformRules.STATE, "feedback goes to a named submitter who left contact data",
                    Map.of("state", status.name()));
        }
        apply(new SubmitterFeedbackRecorded(opinionId, command.channel(), command.date(), command.submitterSatisfied()));
        apply(new OpinionClosed(opinionId));
    }

    /**
     * DOMAIN §3.6 and R-OPN-02: the submitter's identity is forgotten by destroying its vault key; the events stay,
     * so every hash chain still verifies. Feedback can no longer reach the submitter.
     */
    @CommandHandler
    void handle(ShredSubmitterIdentity command, Shredder shredder) {
        String subject = Vault.submitterSubject(opinionId);
        switch (shredder.state(subject)) {
            case NONE -> throw new RuleViolation(PlatformRules.NOT_FOUND, "opinion " + opinionId
                    + " holds no submitter identity in the vault", Map.of("field", "opinionId"));
            case SHREDDED -> throw new RuleViolation(PlatformRules.STATE, "the submitter identity of opinion "
                    + opinionId + " is shredded already", Map.of("field", "opinionId"));
            case ACTIVE -> {
                shredder.shred(subject);
                apply(new SubmitterIdentityShredded(opinionId, command.reason()));
            }
        }
    }

    private OpinionClassification classification(ProblemFamily family, org.campaignledger.kernel.opinion.FourWind fourWind,
                                                 org.campaignledger.kernel.opinion.VitalInterestTopic topic,
                                                 String focusProblemCode, UnitDirectory units) {
        if (family == null) {
            throw new RuleViolation("R-OPN-11", "family is mandatory", Map.of("field", "family"));
        }
        if (family == ProblemFamily.FOUR_WINDS && fourWind == null) {
            throw new RuleViolation("R-OPN-11", "fourWind is mandatory when family is FOUR_WINDS",
                    Map.of("field", "fourWind"));
        }
        if (family != ProblemFamily.FOUR_WINDS && fourWind != null) {
            throw new RuleViolation("R-OPN-11", "fourWind applies only when family is FOUR_WINDS",
                    Map.of("field", "fourWind"));
        }
        if (focusProblemCode != null) {
            UnitType type = unit(units, attributedUnit(), "focusProblemCode").unitType();
            if (!type.focusProblemCodes().contains(focusProblemCode)) {
                throw new RuleViolation("R-OPN-11", "focus problem " + focusProblemCode
                        + " does not belong to unit type " + type,
                        Map.of("field", "focusProblemCode", "unitType", type.name(),
                                "allowed", type.focusProblemCodes().stream().sorted().toList()));
            }
        }
        return new OpinionClassification(family, fourWind, topic, focusProblemCode);
    }

    /** The unit an opinion concerns: its target once routed, the collecting unit before. */
    private UnitId attributedUnit() {
        return target == null ? collectedAtUnitId : target.unitId();
    }

    private static UnitFacts unit(UnitDirectory units, UnitId unitId, String field) {
        return units.find(unitId).orElseThrow(() -> new RuleViolation(PlatformRules.NOT_FOUND,
                "unit " + unitId + " is not registered", Map.of("field", field)));
    }

    private static List<UnitId> ancestorsOf(UnitDirectory units, UnitId unitId) {
        return units.find(unitId).map(UnitFacts::ancestorIds).orElse(List.of());
    }

    private void requireStatus(Set<Status> allowed, String hint) {
        if (!allowed.contains(status)) {
            throw new RuleViolation(PlatformRules.STATE, "the opinion is " + status + hint,
                    Map.of("state", status.name()));
        }
    }

    private void requireNot(Status forbidden) {
        if (status == forbidden) {
            throw new RuleViolation(PlatformRules.STATE, "the opinion is " + status, Map.of("state", status.name()));
        }
    }

    @EventSourcingHandler
    void on(OpinionRecorded event) {
        opinionId = event.opinionId();
        campaignId = event.campaignId();
        collectedAtUnitId = event.collectedAtUnitId();
        receivedOn = event.receivedOn();
        naming = event.mode().naming();
        submitterContactable = event.submitterPiiRef() != null;
        status = Status.RECORDED;
    }

    @EventSourcingHandler
    void on(SubmitterIdentityShredded event) {
        submitterContactable = false;
    }

    @EventSourcingHandler
    void on(OpinionClassified event) {
        classification = new OpinionClassification(event.family(), event.fourWind(), event.topic(),
                event.focusProblemCode());
        classifiedBy = event.classifiedByPersonId();
        status = Status.CLASSIFIED;
    }

    @EventSourcingHandler
    void on(OpinionClassificationCorrected event) {
        classification = event.newClassification();
    }

    @EventSourcingHandler
    void on(OpinionRouted event) {
        target = event.target();
        status = Status.ROUTED;
    }

    @EventSourcingHandler
    void on(OpinionCopied event) {
        copies.add(event.unitId());
    }

    @EventSourcingHandler
    void on(OpinionAcknowledged event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(OpinionAddressed event) {
        addressedBy = event.by();
        status = Status.ADDRESSED;
    }

    @EventSourcingHandler
    void on(OpinionEscalated event) {
        target = new OpinionTarget(OpinionTarget.Level.HIGHER_LEVEL, event.toUnitId(), null);
        status = Status.ROUTED;
    }

    @EventSourcingHandler
    void on(OpinionMergedAsDuplicate event) {
        status = Status.MERGED;
    }

    @EventSourcingHandler
    void on(OpinionResolved event) {
        status = Status.RESOLVED;
    }

    @EventSourcingHandler
    void on(OpinionClosed event) {
        status = Status.CLOSED;
    }
}
