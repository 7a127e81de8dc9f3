package org.campaignledger.command.participation.domain;

import static org.campaignledger.command.domain.StateGuard.requireState;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.campaign.domain.CampaignDirectory;
import org.campaignledger.command.campaign.domain.CampaignPolicy;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.Guards;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.command.organisation.domain.RosterEntry;
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.command.rollout.domain.PolicyExceptions;
import org.campaignledger.command.rollout.domain.TypeGuidance;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.participation.ParticipationCommand.CompleteOrganisationalRectification;
import org.campaignledger.kernel.participation.ParticipationCommand.CompleteRework;
import org.campaignledger.kernel.participation.ParticipationCommand.ConcludeParticipation;
import org.campaignledger.kernel.participation.ParticipationCommand.CreditGateFact;
import org.campaignledger.kernel.participation.ParticipationCommand.ExtendStage;
import org.campaignledger.kernel.participation.ParticipationCommand.FlagWeakOrganisation;
import org.campaignledger.kernel.participation.ParticipationCommand.FormUnitLeadingGroup;
import org.campaignledger.kernel.participation.ParticipationCommand.OrderRework;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordAccountabilityMeasure;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordGrassrootsListening;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordMobilisation;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordStudyActivity;
import org.campaignledger.kernel.participation.ParticipationCommand.RecordSymposium;
import org.campaignledger.kernel.participation.ParticipationCommand.RegisterParticipation;
import org.campaignledger.kernel.participation.ParticipationCommand.ReopenStage;
import org.campaignledger.kernel.participation.ParticipationCommand.RevokeGateFact;
import org.campaignledger.kernel.participation.ParticipationCommand.StartPreparation;
import org.campaignledger.kernel.participation.ParticipationCommand.StartStage;
import org.campaignledger.kernel.participation.ParticipationEnums.GateFact;
import org.campaignledger.kernel.participation.ParticipationEnums.MeetingType;
import org.campaignledger.kernel.participation.ParticipationEnums.ParticipationState;
import org.campaignledger.kernel.participation.ParticipationEnums.StudyActivityType;
import org.campaignledger.kernel.participation.ParticipationEvent.AccountabilityMeasureRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactCredited;
import org.campaignledger.kernel.participation.ParticipationEvent.GateFactRevoked;
import org.campaignledger.kernel.participation.ParticipationEvent.GrassrootsListeningRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.OrganisationalRectificationCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationConcluded;
import org.campaignledger.kernel.participation.ParticipationEvent.ParticipationRegistered;
import org.campaignledger.kernel.participation.ParticipationEvent.PreparationStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.ReworkOrdered;
import org.campaignledger.kernel.participation.ParticipationEvent.RuleWarningRaised;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageExtended;
import org.campaignledger.kernel.participation.ParticipationEvent.StageReopened;
import org.campaignledger.kernel.participation.ParticipationEvent.StageStarted;
import org.campaignledger.kernel.participation.ParticipationEvent.StageWindowExceeded;
import org.campaignledger.kernel.participation.ParticipationEvent.StudyActivityRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.SymposiumRecorded;
import org.campaignledger.kernel.participation.ParticipationEvent.UnitLeadingGroupFormed;
import org.campaignledger.kernel.participation.ParticipationEvent.UnitMobilisationHeld;
import org.campaignledger.kernel.participation.ParticipationEvent.WeakOrganisationFlagged;
import org.campaignledger.kernel.participation.ParticipationId;
import org.campaignledger.kernel.participation.TransitionGuards;

/**
 * One unit's journey through the campaign (DOMAIN §4.5): REGISTERED → PREPARING → STAGE_1 → STAGE_2 → STAGE_3 →
 * CONCLUDED, with organisational rectification first for weak units, and look-back extensions and redos. Facts
 * owned by other aggregates arrive as gate facts (DOMAIN §3.3), credited and revoked by sagas.
 */
public class UnitParticipation {
    private static final Set<ParticipationState> IN_STAGE =
            EnumSet.of(ParticipationState.STAGE_1, ParticipationState.STAGE_2, ParticipationState.STAGE_3);
    private static final Set<ParticipationState> ACTIVE = EnumSet.of(ParticipationState.PREPARING,
            ParticipationState.STAGE_1, ParticipationState.STAGE_2, ParticipationState.STAGE_3);
    static final String STAGE_WINDOW_END = "stageWindowEnd";
    private static final Set<ParticipationState> CLOSED =
            EnumSet.of(ParticipationState.CONCLUDED, ParticipationState.WITHDRAWN);

    @AggregateIdentifier
    private ParticipationId participationId;
    private CampaignId campaignId;
    private UnitId unitId;
    private int batchNo;
    private UnitType unitType;
    private Level level;
    private UnitId jurisdictionId;
    private int tierNo;
    private MeetingType meetingType;
    private ParticipationState state;
    private boolean weakFlagged;
    private final Set<GateFact> gateFacts = EnumSet.noneOf(GateFact.class);
    private final Map<Integer, LocalDate> stageStarts = new HashMap<>();
    private final Map<Integer, LocalDate> plannedEnds = new HashMap<>();
    private final Set<String> studyActivityIds = new HashSet<>();
    private boolean sgAttendedConcentratedStudy;
    private int concentratedStudyHalfDays;
    private int seminars;
    private final Set<StudyActivityType> studyKinds = EnumSet.noneOf(StudyActivityType.class);
    private final Map<PersonId, Long> listeningDays = new HashMap<>();
    private final Map<PersonId, Integer> symposiumsHosted = new HashMap<>();
    private final Set<String> openReworks = new HashSet<>();
    private final Set<String> completedReworks = new HashSet<>();

    protected UnitParticipation() {
        // for event sourcing
    }

    /**
     * R-UNP-01..04: one participation per unit per campaign, admitted by the batch, its obligations derived.
     * R-ORG-03 (DOMAIN-ERRATA M5): the unit has its main leader when it registers.
     */
    @CommandHandler
    public UnitParticipation(RegisterParticipation command, UnitDirectory units, CampaignDirectory campaigns,
                             ParticipationDirectory participations, RosterDirectory rosters,
                             @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        UnitFacts unit = units.find(command.unitId()).orElseThrow(() -> new RuleViolation(PlatformRules.NOT_FOUND,
                "unit " + command.unitId() + " is not registered", Map.of("field", "unitId")));
        Set<UnitType> admitted = campaigns.batchCategories(command.campaignId(), command.batchNo())
                .orElseThrow(() -> new RuleViolation(PlatformRules.NOT_FOUND, "campaign " + command.campaignId()
                        + " has no batch " + command.batchNo(), Map.of("field", "batchNo")));
        participations.find(command.campaignId(), command.unitId()).ifPresent(existing -> {
            throw new RuleViolation("R-UNP-01", "unit " + command.unitId() + " already takes part in this campaign as "
                    + existing.participationId(), Map.of("field", "unitId",
                    "participationId", existing.participationId().value()));
        });
        if (!admitted.contains(unit.unitType())) {
            throw new RuleViolation("R-UNP-01", "batch " + command.batchNo() + " does not admit units of type "
                    + unit.unitType(), Map.of("field", "unitId", "unitType", unit.unitType().name(),
                    "participatingCategories", admitted.stream().map(Enum::name).sorted().toList()));
        }
        LocalDate asOf = Deadlines.businessDate(occurredAt);
        if (rosters.mainLeaderAsOf(command.unitId(), asOf).isEmpty()) {
            throw new RuleViolation("R-ORG-03", "unit " + command.unitId() + " has no main leader on its roster on "
                    + asOf, Map.of("field", "unitId"));
        }
        UnitFacts parent = unit.ancestorIds().isEmpty() ? null
                : units.find(unit.ancestorIds().get(unit.ancestorIds().size() - 1)).orElse(null);
        UnitClassification classification = UnitClassification.of(unit.unitType(), parent == null ? null : parent.level());
        apply(new ParticipationRegistered(command.participationId(), command.campaignId(), command.batchNo(),
                command.unitId(), unit.unitType(), unit.level(), command.tierNo(), unit.jurisdictionUnitId(),
                unit.ancestorIds(), classification.meetingType(), classification.materialRequirement(),
                classification.rectificationForm()));
    }

    @CommandHandler
    void handle(StartPreparation command) {
        requireState("participation", state, EnumSet.of(ParticipationState.REGISTERED));
        apply(new PreparationStarted(participationId, command.date()));
    }

    @CommandHandler
    void handle(FlagWeakOrganisation command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("participation", state, EnumSet.of(ParticipationState.REGISTERED, ParticipationState.PREPARING));
        apply(new WeakOrganisationFlagged(participationId, command.reason(), PersonId.of(actorId)));
    }

    @CommandHandler
    void handle(CompleteOrganisationalRectification command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("participation", state, EnumSet.of(ParticipationState.ORG_RECTIFICATION));
        apply(new OrganisationalRectificationCompleted(participationId, command.newSecretaryPersonId(),
                command.summary(), command.evidenceRefs(), PersonId.of(actorId)));
        credit(GateFact.ORG_RECTIFICATION_DONE, "UnitParticipation", participationId.value(), "self");
    }

    /** R-RLO-01: the unit's leading group is headed by its main leader. */
    @CommandHandler
    void handle(FormUnitLeadingGroup command, RosterDirectory rosters) {
        requireState("participation", state, ACTIVE);
        Optional<PersonId> mainLeader = rosters.mainLeaderAsOf(unitId, command.date());
        if (mainLeader.isEmpty() || !mainLeader.get().equals(command.headPersonId())) {
            throw new RuleViolation("R-RLO-01", "the leading group is headed by the main leader of " + unitId
                    + " on " + command.date() + " (" + mainLeader.map(PersonId::value).orElse("none on the roster") + ")",
                    Map.of("field", "headPersonId"));
        }
        apply(new UnitLeadingGroupFormed(participationId, command.headPersonId(), command.memberIds(),
                command.officeHeadPersonId(), command.date()));
        credit(GateFact.LEADING_GROUP_FORMED, "UnitParticipation", participationId.value(), "self");
    }

    @CommandHandler
    void handle(RecordMobilisation command) {
        requireState("participation", state, EnumSet.of(ParticipationState.PREPARING));
        apply(new UnitMobilisationHeld(participationId, command.date()));
        credit(GateFact.MOBILISED, "UnitParticipation", participationId.value(), "self");
    }

    /**
     * Sent by the gate handlers; crediting a fact already held is a no-op, so a re-delivered command changes
     * nothing. Accepted from REGISTERED on, since a plan may be approved before preparation starts (errata M9).
     */
    @CommandHandler
    void handle(CreditGateFact command) {
        requireNotIn(CLOSED);
        credit(command.fact(), command.sourceAggregateType(), command.sourceAggregateId(), command.sourceEventId());
    }

    @CommandHandler
    void handle(RevokeGateFact command) {
        requireNotIn(CLOSED);
        if (gateFacts.contains(command.fact())) {
            apply(new GateFactRevoked(participationId, command.fact(), command.reason(), command.sourceEventId()));
        }
    }

    /**
     * Rows 8, 11 and 12: the HARD guards are {@link TransitionGuards}, shared with the read side; the ADVISORY
     * rules of the transition (R-RLO-05, R-UNP-09's attendance, R-UNP-11, R-UNP-12) only warn.
     */
    @CommandHandler
    void handle(StartStage command, CampaignDirectory campaigns, UnitDirectory units,
                ParticipationDirectory participations, PolicyExceptions exceptions, TypeGuidance guidance,
                RosterDirectory rosters, DeadlineManager deadlines,
                @MetaDataValue(MetaDataKeys.EXCEPTION_ID) String exceptionId) {
        int stage = command.stage();
        requireNotIn(CLOSED);
        if (stage > 1 && state != stageState(stage - 1)) {
            throw new RuleViolation(PlatformRules.STATE, "stage " + stage + " starts from " + stageState(stage - 1)
                    + ", not " + state, Map.of("state", state.name()));
        }
        CampaignPolicy policy = policyOf(campaigns);
        Optional<ParticipationDirectory.ParticipationFacts> predecessor = predecessor(units, participations);
        LocalDate predecessorStart = predecessor.map(p -> p.stageStarts().get(stage)).orElse(null);
        enforce(TransitionGuards.startStage(snapshot(), stage, guardPolicy(policy),
                predecessor.map(p -> new TransitionGuards.Predecessor(p.participationId().value(), predecessorStart))
                        .orElse(null), command.date(),
                rule -> excepted(exceptions, exceptionId, rule, command.date())));
        if (stage == 1) {
            warnOfMissingTypeGuidance(guidance);
        }
        if (stage == 2) {
            if (meetingType == MeetingType.SPECIAL_DLM && !sgAttendedConcentratedStudy) {
                apply(new RuleWarningRaised(participationId, "R-UNP-09",
                        "no supervision-group member attended the concentrated study"));
            }
            warnOfMissingOnes();
            warnOfLeadersShortOfListening(policy, rosters, command.date());
        }
        if (stage > 1) {
            deadlines.cancelAllWithinScope(STAGE_WINDOW_END);
            apply(new StageCompleted(participationId, stage - 1, command.date()));
        }
        apply(new StageStarted(participationId, stage, command.date(), command.plannedTo(),
                predecessor.map(p -> p.participationId().unitId()).orElse(null), predecessorStart));
        scheduleWindowEnd(deadlines, stage, command.plannedTo());
    }

    /** The stage-window deadline of §4.19: advisory, raised when the planned end passes inside the stage. */
    record StageWindow(int stage, LocalDate plannedTo) {
    }

    private void scheduleWindowEnd(DeadlineManager deadlines, int stage, LocalDate plannedTo) {
        if (plannedTo != null) {
            deadlines.schedule(Deadlines.firesAfter(plannedTo), STAGE_WINDOW_END, new StageWindow(stage, plannedTo));
        }
    }

    @DeadlineHandler(deadlineName = STAGE_WINDOW_END)
    void on(StageWindow window) {
        LocalDate currentEnd = plannedEnds.get(window.stage());
        if (state == stageState(window.stage()) && window.plannedTo().equals(currentEnd)) {
            apply(new StageWindowExceeded(participationId, window.stage(), window.plannedTo(),
                    Deadlines.firesAfter(window.plannedTo())));
        }
    }

    /** R-UNP-15: study is not stage-gated; it is recorded from preparation to the end of Stage 3. */
    @CommandHandler
    void handle(RecordStudyActivity command, CampaignDirectory campaigns) {
        requireState("participation", state, ACTIVE);
        if (studyActivityIds.contains(command.activityId())) {
            throw new RuleViolation(PlatformRules.EXISTS, "study activity " + command.activityId()
                    + " is already recorded", Map.of("field", "activityId"));
        }
        CampaignPolicy policy = policyOf(campaigns);
        StudyActivityType delivered = command.format() == null ? command.activityType() : command.format();
        boolean excluded = policy.excludedStudyFormats().contains(delivered);
        boolean seminar = command.activityType() == StudyActivityType.SPECIAL_SEMINAR && !excluded;
        boolean concentrated = !excluded && (command.activityType() == StudyActivityType.CONCENTRATED_STUDY
                || seminar && policy.seminarsCountAsStudy());
        apply(new StudyActivityRecorded(participationId, command.activityId(), command.activityType(), command.format(),
                command.from(), command.to(), command.halfDays(), command.participantCount(),
                command.sgAttendeePersonIds(), concentrated, seminar));
    }

    @CommandHandler
    void handle(RecordGrassrootsListening command) {
        requireState("participation", state, ACTIVE);
        apply(new GrassrootsListeningRecorded(participationId, command.leaderPersonId(), command.from(), command.to(),
                ChronoUnit.DAYS.between(command.from(), command.to()) + 1, command.placesVisited()));
    }

    @CommandHandler
    void handle(RecordSymposium command) {
        requireState("participation", state, ACTIVE);
        apply(new SymposiumRecorded(participationId, command.hostPersonId(), command.date(), command.attendeeCount()));
    }

    /** R-UNP-22: after a failed evaluation the SG orders rework; the unit stays in its stage until it is done. */
    @CommandHandler
    void handle(OrderRework command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("participation", state, IN_STAGE);
        if (openReworks.contains(command.reworkId()) || completedReworks.contains(command.reworkId())) {
            throw new RuleViolation(PlatformRules.EXISTS, "rework " + command.reworkId() + " exists already",
                    Map.of("field", "reworkId"));
        }
        apply(new ReworkOrdered(participationId, command.reworkId(), command.evaluationId(), command.scope(),
                command.reason(), PersonId.of(actorId)));
    }

    @CommandHandler
    void handle(CompleteRework command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("participation", state, IN_STAGE);
        if (!openReworks.contains(command.reworkId())) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "no open rework " + command.reworkId(),
                    Map.of("field", "reworkId"));
        }
        apply(new ReworkCompleted(participationId, command.reworkId(), command.evidenceRefs(), PersonId.of(actorId)));
    }

    /**
     * R-UNP-23, EXTEND_AND_MAKE_UP. When the reviewed stage is already completed, the current stage is the one
     * extended (DOMAIN-ERRATA B3).
     */
    @CommandHandler
    void handle(ExtendStage command, DeadlineManager deadlines) {
        requireState("participation", state, IN_STAGE);
        int current = currentStage();
        if (command.stage() > current) {
            throw new RuleViolation("R-UNP-23", "stage " + command.stage() + " has not started",
                    Map.of("field", "stage"));
        }
        LocalDate oldEnd = plannedEnds.get(current);
        if (oldEnd != null && !command.newPlannedTo().isAfter(oldEnd)) {
            throw new RuleViolation("R-UNP-23", "the new end " + command.newPlannedTo()
                    + " must be later than the planned end " + oldEnd, Map.of("field", "newPlannedTo"));
        }
        apply(new StageExtended(participationId, current, oldEnd, command.newPlannedTo(), command.lookBackId(),
                command.makeUpActivities()));
        deadlines.cancelAllWithinScope(STAGE_WINDOW_END);
        scheduleWindowEnd(deadlines, current, command.newPlannedTo());
    }

    /** R-UNP-23, REDO: the reviewed stage is entered again and the gate facts it produced are invalidated. */
    @CommandHandler
    void handle(ReopenStage command) {
        requireState("participation", state, EnumSet.of(ParticipationState.STAGE_2, ParticipationState.STAGE_3));
        if (command.stage() >= currentStage()) {
            throw new RuleViolation("R-UNP-23", "only a completed stage can be reopened; the unit is in "
                    + state, Map.of("field", "stage"));
        }
        apply(new StageReopened(participationId, command.stage(), state, command.lookBackId(),
                command.invalidatedGateFacts()));
        for (GateFact fact : command.invalidatedGateFacts()) {
            if (gateFacts.contains(fact)) {
                apply(new GateFactRevoked(participationId, fact, "look-back " + command.lookBackId() + " ordered a redo",
                        command.lookBackId()));
            }
        }
    }

    /** R-UNP-16..19, 21, 22: what must hold before the unit concludes; R-UNP-20: open items do not block it. */
    @CommandHandler
    void handle(ConcludeParticipation command, CampaignDirectory campaigns, PolicyExceptions exceptions,
                DeadlineManager deadlines, @MetaDataValue(MetaDataKeys.EXCEPTION_ID) String exceptionId) {
        requireNotIn(CLOSED);
        if (state != ParticipationState.STAGE_3) {
            throw new RuleViolation(PlatformRules.STATE, "a participation concludes from STAGE_3, not " + state,
                    Map.of("state", state.name()));
        }
        CampaignPolicy policy = policyOf(campaigns);
        enforce(TransitionGuards.conclude(snapshot(), guardPolicy(policy), command.date(),
                rule -> excepted(exceptions, exceptionId, rule, command.date())));
        deadlines.cancelAllWithinScope(STAGE_WINDOW_END);
        apply(new StageCompleted(participationId, 3, command.date()));
        apply(new ParticipationConcluded(participationId, command.date(),
                ChronoUnit.DAYS.between(stageStarts.get(1), command.date())));
    }

    /** R-UNP-25: accountability is recorded by a person, never inferred by the system. */
    @CommandHandler
    void handle(RecordAccountabilityMeasure command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        apply(new AccountabilityMeasureRecorded(participationId, command.personId(), command.measure(),
                command.reason(), PersonId.of(actorId)));
    }

    /**
     * OVERRIDABLE rules give way to a policy exception granted for this unit and rule (R-GEN-03); the command's
     * envelope records the exception it used.
     */
    private boolean excepted(PolicyExceptions exceptions, String exceptionId, String ruleId, LocalDate on) {
        return exceptionId != null && exceptions.isValidFor(ExceptionId.of(exceptionId), unitId, ruleId, on);
    }

    private TransitionGuards.Snapshot snapshot() {
        return new TransitionGuards.Snapshot(state, meetingType, weakFlagged, gateFacts, concentratedStudyHalfDays,
                seminars, openReworks, stageStarts);
    }

    private static TransitionGuards.Policy guardPolicy(CampaignPolicy policy) {
        return TransitionGuards.Policy.fromParameters(policy.parameters());
    }

    private static void enforce(List<TransitionGuards.Failure> failures) {
        Guards guards = new Guards();
        failures.forEach(failure -> guards.check(false, failure.ruleId(), failure.message()));
        guards.enforce();
    }

    /** R-RLO-05 (ADVISORY): the jurisdiction's rollout should have issued guidance for this unit type. */
    private void warnOfMissingTypeGuidance(TypeGuidance guidance) {
        if (jurisdictionId != null && guidance.documentFor(RolloutId.of(campaignId, batchNo, jurisdictionId), unitType)
                .isEmpty()) {
            apply(new RuleWarningRaised(participationId, "R-RLO-05", "the rollout of " + jurisdictionId
                    + " has issued no type-specific guidance for " + unitType + " units"));
        }
    }

    /** R-UNP-11 (ADVISORY): the four ones (DLM units) or six ones (the others) are done by Stage 2. */
    private void warnOfMissingOnes() {
        StudyChecklist checklist = StudyChecklist.of(meetingType);
        List<String> missing = checklist.missing(studyKinds);
        if (!missing.isEmpty()) {
            apply(new RuleWarningRaised(participationId, "R-UNP-11", checklist + " not done: missing "
                    + String.join(", ", missing)));
        }
    }

    /**
     * R-UNP-12 (ADVISORY): city and county team members listen at the grassroots for the policy's days (000), and
     * every leader hosts the policy's symposiums when it sets any (004), by the start of Stage 2.
     */
    private void warnOfLeadersShortOfListening(CampaignPolicy policy, RosterDirectory rosters, LocalDate date) {
        boolean cityOrCountyTeam = unitType == UnitType.LEADING_BODY
                && (level == Level.CITY || level == Level.COUNTY);
        CampaignPolicy.SymposiumMinimums symposiums = policy.minSymposiums();
        if (!cityOrCountyTeam && !symposiums.any()) {
            return;
        }
        List<String> shortfalls = new ArrayList<>();
        for (RosterEntry member : rosters.rosterAsOf(unitId, date)) {
            long days = listeningDays.getOrDefault(member.personId(), 0L);
            if (cityOrCountyTeam && days < policy.leaderGrassrootsListeningDays()) {
                shortfalls.add(member.personId() + " listened at the grassroots " + days + " of "
                        + policy.leaderGrassrootsListeningDays() + " days");
            }
            int hosted = symposiumsHosted.getOrDefault(member.personId(), 0);
            int needed = member.mainLeader() ? symposiums.mainLeader() : symposiums.member();
            if (hosted < needed) {
                shortfalls.add(member.personId() + " hosted " + hosted + " of " + needed + " symposiums");
            }
        }
        if (!shortfalls.isEmpty()) {
            apply(new RuleWarningRaised(participationId, "R-UNP-12", String.join("; ", shortfalls)));
        }
    }

    private void credit(GateFact fact, String sourceType, String sourceId, String sourceEventId) {
        if (!gateFacts.contains(fact)) {
            apply(new GateFactCredited(participationId, fact, sourceType, sourceId, sourceEventId));
        }
    }

    /**
     * The nearest ancestor that takes part in the campaign in a lower-numbered tier (DOMAIN-ERRATA I5); the
     * jurisdiction's own participation ends the search.
     */
    private Optional<ParticipationDirectory.ParticipationFacts> predecessor(UnitDirectory units,
                                                                           ParticipationDirectory participations) {
        List<UnitId> ancestors = units.find(unitId).map(UnitFacts::ancestorIds).orElse(List.of());
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            Optional<ParticipationDirectory.ParticipationFacts> candidate = participations.find(campaignId, ancestors.get(i));
            if (candidate.isPresent() && candidate.get().tierNo() < tierNo) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /** The policy in force in the unit's jurisdiction: the campaign's, with the rollout's overrides (§2, §4.3). */
    private CampaignPolicy policyOf(CampaignDirectory campaigns) {
        Optional<CampaignPolicy> policy = jurisdictionId == null ? campaigns.policy(campaignId)
                : campaigns.policy(campaignId, batchNo, jurisdictionId);
        return policy.orElseThrow(() -> new RuleViolation(PlatformRules.STATE,
                "campaign " + campaignId + " has adopted no policy profile", Map.of("field", "campaignId")));
    }

    private int currentStage() {
        return switch (state) {
            case STAGE_1 -> 1;
            case STAGE_2 -> 2;
            case STAGE_3, CONCLUDED -> 3;
            default -> 0;
        };
    }

    private static ParticipationState stageState(int stage) {
        return ParticipationState.valueOf("STAGE_" + stage);
    }


    private void requireNotIn(Set<ParticipationState> forbidden) {
        if (forbidden.contains(state)) {
            throw new RuleViolation(PlatformRules.STATE, "not allowed while the participation is " + state,
                    Map.of("state", state.name()));
        }
    }

    @EventSourcingHandler
    void on(ParticipationRegistered event) {
        participationId = event.participationId();
        campaignId = event.campaignId();
        unitId = event.unitId();
        batchNo = event.batchNo();
        unitType = event.unitType();
        level = event.level();
        jurisdictionId = event.jurisdictionId();
        tierNo = event.tierNo();
        meetingType = event.meetingType();
        state = ParticipationState.REGISTERED;
    }

    @EventSourcingHandler
    void on(PreparationStarted event) {
        state = ParticipationState.PREPARING;
    }

    @EventSourcingHandler
    void on(WeakOrganisationFlagged event) {
        weakFlagged = true;
        state = ParticipationState.ORG_RECTIFICATION;
    }

    @EventSourcingHandler
    void on(OrganisationalRectificationCompleted event) {
        state = ParticipationState.PREPARING;
    }

    @EventSourcingHandler
    void on(GateFactCredited event) {
        gateFacts.add(event.fact());
    }

    @EventSourcingHandler
    void on(GateFactRevoked event) {
        gateFacts.remove(event.fact());
    }

    @EventSourcingHandler
    void on(StageStarted event) {
        stageStarts.put(event.stage(), event.date());
        plannedEnds.put(event.stage(), event.plannedTo());
        state = stageState(event.stage());
    }

    @EventSourcingHandler
    void on(StageExtended event) {
        plannedEnds.put(event.stage(), event.newPlannedTo());
    }

    @EventSourcingHandler
    void on(StageReopened event) {
        state = stageState(event.stage());
    }

    @EventSourcingHandler
    void on(StudyActivityRecorded event) {
        studyActivityIds.add(event.activityId());
        studyKinds.add(event.activityType());
        if (event.countsAsConcentratedStudy()) {
            concentratedStudyHalfDays += event.halfDays();
            sgAttendedConcentratedStudy |= !event.sgAttendeePersonIds().isEmpty();
        }
        if (event.countsAsSeminar()) {
            seminars++;
        }
    }

    @EventSourcingHandler
    void on(GrassrootsListeningRecorded event) {
        listeningDays.merge(event.leaderPersonId(), event.days(), Long::sum);
    }

    @EventSourcingHandler
    void on(SymposiumRecorded event) {
        symposiumsHosted.merge(event.hostPersonId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(ReworkOrdered event) {
        openReworks.add(event.reworkId());
    }

    @EventSourcingHandler
    void on(ReworkCompleted event) {
        openReworks.remove(event.reworkId());
        completedReworks.add(event.reworkId());
    }

    @EventSourcingHandler
    void on(ParticipationConcluded event) {
        state = ParticipationState.CONCLUDED;
    }
}
