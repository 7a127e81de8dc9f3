package org.campaignledger.command.rollout.domain;

import static org.campaignledger.command.domain.StateGuard.requireState;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.campaignledger.command.organisation.domain.UnitDirectory;
import org.campaignledger.command.organisation.domain.UnitDirectory.UnitFacts;
import org.campaignledger.command.rollout.domain.PolicyExceptions.Granted;
import org.campaignledger.command.organisation.domain.RosterDirectory;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.CampaignId;
import org.campaignledger.kernel.id.ExceptionId;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.RolloutId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.rollout.DateWindow;
import org.campaignledger.kernel.rollout.RolloutCommand.CloseRollout;
import org.campaignledger.kernel.rollout.RolloutCommand.DefineTier;
import org.campaignledger.kernel.rollout.RolloutCommand.EstablishCampaignOffice;
import org.campaignledger.kernel.rollout.RolloutCommand.EstablishLeadingGroup;
import org.campaignledger.kernel.rollout.RolloutCommand.GrantPolicyException;
import org.campaignledger.kernel.rollout.RolloutCommand.HoldMobilisationConference;
import org.campaignledger.kernel.rollout.RolloutCommand.IssueTypeGuidance;
import org.campaignledger.kernel.rollout.RolloutCommand.OpenRollout;
import org.campaignledger.kernel.rollout.RolloutCommand.OverridePolicy;
import org.campaignledger.kernel.rollout.RolloutCommand.RecordReportHearing;
import org.campaignledger.kernel.rollout.RolloutEvent.CampaignOfficeEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.LeadingGroupEstablished;
import org.campaignledger.kernel.rollout.RolloutEvent.LowerLevelReportHeard;
import org.campaignledger.kernel.rollout.RolloutEvent.MobilisationConferenceHeld;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyExceptionGranted;
import org.campaignledger.kernel.rollout.RolloutEvent.PolicyOverridden;
import org.campaignledger.kernel.rollout.RolloutEvent.ReportHearingMissed;
import org.campaignledger.kernel.rollout.RolloutEvent.RolloutClosed;
import org.campaignledger.kernel.rollout.RolloutEvent.RolloutOpened;
import org.campaignledger.kernel.rollout.RolloutEvent.TierDefined;
import org.campaignledger.kernel.rollout.RolloutEvent.TypeGuidanceIssued;
import org.campaignledger.kernel.rollout.Stage;
import org.campaignledger.kernel.rollout.TierSelector;

/**
 * A jurisdiction's rollout of one batch: leading group, campaign office, tiers and policy exceptions
 * (DOMAIN §4.3 with DOMAIN-ERRATA B5 and B7). States: PLANNING → ACTIVE (mobilisation conference) → CLOSED.
 */
public class JurisdictionRollout {
    enum State { PLANNING, ACTIVE, CLOSED }

    /** The rules Appendix B marks OVERRIDABLE (R-MTG-06 split by DOMAIN-ERRATA B3); R-GEN-03 grants no others. */
    static final Set<String> OVERRIDABLE_RULES = Set.of("R-RLO-03", "R-UNP-08", "R-UNP-16", "R-MTG-06b");

    /** The parameters of DOMAIN §2, the only ones a jurisdiction may override. */
    static final Set<String> POLICY_PARAMETERS = Set.of("batch2Start", "batch2BasicCompletion",
            "batchDurationMonths", "minUnitDuration", "tierStaggerDays", "staggerToleranceDays",
            "minConcentratedStudyDays", "excludedStudyFormats", "minSeminars", "leaderGrassrootsListeningDays",
            "minSymposiums", "mandatoryTalkPairs", "crossLevelMainLeaderTalks", "requiredTalkAspects",
            "talkCountsFrom", "criticismOutlineRequired", "reviewChainTemplates", "restartChainOnReturn",
            "examplesPerProblem", "dlmMinHalfDays", "specialReportDueDays", "satisfactionThreshold",
            "satisfiedOptions", "evaluationsRequired", "lookBackBeforeMeeting", "monthlyReportHearingsMin",
            "opinionResponseBeforeSubmit", "reviewStepSlaDays", "copySimilarityThreshold", "zone",
            "defaultEvaluationScope", "minValidForms");

    /** The overridable parameters this aggregate reads itself, all whole numbers, with what they count. */
    private static final Map<String, String> NUMERIC_PARAMETERS = Map.of("tierStaggerDays", "days",
            "staggerToleranceDays", "days", "monthlyReportHearingsMin", "hearings", "batchDurationMonths", "months");
    static final String REPORT_MONTH_END = "reportMonthEnd";
    /** One hearing a month (DOMAIN §2 {@code monthlyReportHearingsMin}, DEFAULT and KENLI_DEMO). */
    private static final int DEFAULT_MONTHLY_HEARINGS = 1;
    /** DOMAIN §2 {@code batchDurationMonths}, DEFAULT: the months after mobilisation that are checked. */
    private static final int DEFAULT_BATCH_MONTHS = 8;
    private static final Set<Level> ROLLOUT_LEVELS = Set.of(Level.CENTRAL, Level.PROVINCE, Level.CITY, Level.COUNTY);
    /** Half a month (DOMAIN §0.3) ± 5 days, the DEFAULT and KENLI_DEMO values of DOMAIN §2. */
    private static final int DEFAULT_STAGGER_DAYS = 15;
    private static final int DEFAULT_TOLERANCE_DAYS = 5;

    @AggregateIdentifier
    private RolloutId rolloutId;
    private CampaignId campaignId;
    private UnitId jurisdictionUnitId;
    private Level jurisdictionLevel;
    private State state;
    private boolean leadingGroupEstablished;
    private Set<PersonId> approverIds;
    private LocalDate mobilisedOn;
    private final TreeMap<Integer, TierSelector> tierSelectors = new TreeMap<>();
    private final Map<Integer, Map<Stage, DateWindow>> tierWindows = new HashMap<>();
    private final Map<String, String> overrides = new HashMap<>();
    private final Map<ExceptionId, Granted> exceptions = new HashMap<>();
    private final Set<ExceptionId> consumedExceptions = new HashSet<>();
    private final Map<YearMonth, Map<PersonId, Integer>> hearings = new HashMap<>();

    protected JurisdictionRollout() {
        // for event sourcing
    }

    /** DOMAIN-ERRATA B7: rollouts exist at CENTRAL, PROVINCE, CITY and COUNTY level. */
    @CommandHandler
    public JurisdictionRollout(OpenRollout command, CampaignDirectory campaigns, UnitDirectory units) {
        if (!campaigns.exists(command.campaignId())) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "campaign " + command.campaignId() + " is not defined",
                    Map.of("field", "campaignId"));
        }
        UnitFacts jurisdiction = units.find(command.jurisdictionUnitId()).orElseThrow(() -> new RuleViolation(
                PlatformRules.NOT_FOUND, "unit " + command.jurisdictionUnitId() + " is not registered",
                Map.of("field", "jurisdictionUnitId")));
        if (!ROLLOUT_LEVELS.contains(jurisdiction.level())) {
            throw new RuleViolation(PlatformRules.VALIDATION, "a rollout is opened for a CENTRAL, PROVINCE, CITY or"
                    + " COUNTY unit, not a " + jurisdiction.level() + " unit", Map.of("field", "jurisdictionUnitId"));
        }
        apply(new RolloutOpened(command.rolloutId(), command.campaignId(), command.batchNo(),
                command.jurisdictionUnitId(), jurisdiction.level()));
    }

    @CommandHandler
    void handle(EstablishLeadingGroup command, RosterDirectory rosters) {
        requireState("rollout", state, EnumSet.of(State.PLANNING));
        var mainLeader = rosters.mainLeaderAsOf(jurisdictionUnitId, command.date());
        if (mainLeader.isEmpty() || !mainLeader.get().equals(command.headPersonId())) {
            throw new RuleViolation("R-RLO-01", "the leading group is headed by the main leader of "
                    + jurisdictionUnitId + " on " + command.date() + " ("
                    + mainLeader.map(PersonId::value).orElse("none on the roster") + ")",
                    Map.of("field", "headPersonId"));
        }
        if (leadingGroupEstablished) {
            throw new RuleViolation(PlatformRules.EXISTS, "the leading group is already established",
                    Map.of("field", "headPersonId"));
        }
        apply(new LeadingGroupEstablished(rolloutId, campaignId, jurisdictionUnitId, command.headPersonId(),
                command.memberIds(), command.date()));
    }

    /** CENTRAL and PROVINCE rollouts hold only the office (DOMAIN-ERRATA B7), so they need no leading group. */
    @CommandHandler
    void handle(EstablishCampaignOffice command) {
        requireState("rollout", state, EnumSet.of(State.PLANNING));
        if (approverIds != null) {
            throw new RuleViolation(PlatformRules.EXISTS, "the campaign office is already established",
                    Map.of("field", "directorPersonId"));
        }
        if (needsLeadingGroup() && !leadingGroupEstablished) {
            throw new RuleViolation(PlatformRules.STATE, "establish the leading group before its office",
                    Map.of("state", state.name()));
        }
        apply(new CampaignOfficeEstablished(rolloutId, campaignId, jurisdictionUnitId, command.directorPersonId(),
                command.staffIds(), command.approverIds(), command.date()));
    }

    /**
     * R-RLO-02: tiers are numbered without gaps, tier 1 covers the jurisdiction's leading bodies, and no tier
     * reaches above the one before it. R-RLO-03: each stage starts a stagger after the tier before, unless a
     * valid exception is named. R-RLO-04: a tier may be defined again when its windows move.
     */
    @CommandHandler
    void handle(DefineTier command) {
        requireState("rollout", state, EnumSet.of(State.PLANNING, State.ACTIVE));
        if (!needsLeadingGroup()) {
            throw new RuleViolation(PlatformRules.STATE, "a " + jurisdictionLevel + " rollout has no tiers",
                    Map.of("state", state.name()));
        }
        int tierNo = command.tierNo();
        TierSelector selector = command.selector();
        if (tierNo > tierSelectors.size() + 1) {
            throw new RuleViolation("R-RLO-02", "tier " + tierNo + " cannot come before tier "
                    + (tierSelectors.size() + 1), Map.of("field", "tierNo"));
        }
        if (tierNo == 1 && !selector.covers(jurisdictionLevel, UnitType.LEADING_BODY)) {
            throw new RuleViolation("R-RLO-02", "tier 1 must contain the jurisdiction's leading bodies and organs ("
                    + jurisdictionLevel + ", " + UnitType.LEADING_BODY + ")", Map.of("field", "selector"));
        }
        if (selector.highestLevel().rank() < jurisdictionLevel.rank()) {
            throw new RuleViolation("R-RLO-02", "a tier cannot reach above the jurisdiction's level "
                    + jurisdictionLevel, Map.of("field", "selector.levels"));
        }
        TierSelector before = tierSelectors.get(tierNo - 1);
        TierSelector after = tierSelectors.get(tierNo + 1);
        if (before != null && selector.highestLevel().rank() < before.highestLevel().rank()
                || after != null && after.highestLevel().rank() < selector.highestLevel().rank()) {
            throw new RuleViolation("R-RLO-02", "lower tiers follow in order: tier " + tierNo
                    + " cannot reach above the tier before it or below the tier after it",
                    Map.of("field", "selector.levels"));
        }
        String staggerBreach = staggerBreach(tierNo, command.plannedWindows());
        ExceptionId usedException = null;
        if (staggerBreach != null) {
            if (command.exceptionId() == null) {
                throw new RuleViolation("R-RLO-03", staggerBreach, Map.of("field", "plannedWindows"));
            }
            requireUsableException(command.exceptionId(), command.date());
            usedException = command.exceptionId();
        }
        apply(new TierDefined(rolloutId, campaignId, jurisdictionUnitId, tierNo, selector, command.plannedWindows(),
                command.date(), usedException));
    }

    @CommandHandler
    void handle(IssueTypeGuidance command) {
        requireState("rollout", state, EnumSet.of(State.PLANNING, State.ACTIVE));
        apply(new TypeGuidanceIssued(rolloutId, campaignId, jurisdictionUnitId, command.unitType(),
                command.documentRef()));
    }

    @CommandHandler
    void handle(OverridePolicy command, @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("rollout", state, EnumSet.of(State.PLANNING, State.ACTIVE));
        if (!POLICY_PARAMETERS.contains(command.parameter())) {
            throw new RuleViolation(PlatformRules.VALIDATION, command.parameter() + " is not a policy parameter",
                    Map.of("field", "parameter"));
        }
        String counted = NUMERIC_PARAMETERS.get(command.parameter());
        if (counted != null && !command.value().matches("\\d{1,3}")) {
            throw new RuleViolation(PlatformRules.VALIDATION, command.parameter() + " is a number of " + counted,
                    Map.of("field", "value"));
        }
        apply(new PolicyOverridden(rolloutId, campaignId, jurisdictionUnitId, command.parameter(), command.value(),
                command.reason(), PersonId.of(actorId)));
    }

    /** The first month checked for R-UNP-24 is the first full month after the mobilisation conference. */
    @CommandHandler
    void handle(HoldMobilisationConference command, DeadlineManager deadlines) {
        requireState("rollout", state, EnumSet.of(State.PLANNING));
        if (needsLeadingGroup() && !leadingGroupEstablished || approverIds == null) {
            throw new RuleViolation(PlatformRules.STATE,
                    "the leading group and the campaign office must exist before mobilisation",
                    Map.of("state", state.name()));
        }
        apply(new MobilisationConferenceHeld(rolloutId, campaignId, jurisdictionUnitId, command.date()));
        scheduleMonthEnd(deadlines, YearMonth.from(command.date()).plusMonths(1));
    }

    /**
     * R-GEN-03 (SoD-5): only OVERRIDABLE rules, only for units of this jurisdiction, approved by one of the
     * office's approvers who is not on the roster of the unit concerned.
     */
    @CommandHandler
    void handle(GrantPolicyException command, UnitDirectory units, RosterDirectory rosters,
                @MetaDataValue(MetaDataKeys.ACTOR_ID) String actorId) {
        requireState("rollout", state, EnumSet.of(State.PLANNING, State.ACTIVE));
        if (approverIds == null) {
            throw new RuleViolation(PlatformRules.STATE, "no campaign office has been established",
                    Map.of("state", state.name()));
        }
        if (exceptions.containsKey(command.exceptionId())) {
            throw new RuleViolation(PlatformRules.EXISTS, "exception " + command.exceptionId() + " already exists",
                    Map.of("field", "exceptionId"));
        }
        if (!OVERRIDABLE_RULES.contains(command.ruleId())) {
            throw new RuleViolation("R-GEN-03", command.ruleId() + " is not an OVERRIDABLE rule",
                    Map.of("field", "ruleId"));
        }
        UnitFacts unit = units.find(command.unitId()).orElseThrow(() -> new RuleViolation(PlatformRules.NOT_FOUND,
                "unit " + command.unitId() + " is not registered", Map.of("field", "unitId")));
        if (!unit.unitId().equals(jurisdictionUnitId) && !jurisdictionUnitId.equals(unit.jurisdictionUnitId())
                && !unit.ancestorIds().contains(jurisdictionUnitId)) {
            throw new RuleViolation("R-GEN-03", command.unitId() + " is outside jurisdiction " + jurisdictionUnitId,
                    Map.of("field", "unitId"));
        }
        PersonId approver = PersonId.of(actorId);
        if (!approverIds.contains(approver)) {
            throw new RuleViolation("R-GEN-03", approver + " is not an approver of the campaign office",
                    Map.of("field", "actorId"));
        }
        if (rosters.isOnRoster(command.unitId(), approver, command.date())) {
            throw new RuleViolation("R-GEN-03", approver + " is a member of " + command.unitId()
                    + " and may not approve its exception", Map.of("field", "actorId"));
        }
        apply(new PolicyExceptionGranted(rolloutId, campaignId, jurisdictionUnitId, command.exceptionId(),
                command.unitId(), command.ruleId(), command.justification(), approver, command.date(),
                command.validUntil(), command.reusable()));
    }

    @CommandHandler
    void handle(RecordReportHearing command) {
        requireState("rollout", state, EnumSet.of(State.ACTIVE));
        apply(new LowerLevelReportHeard(rolloutId, campaignId, jurisdictionUnitId, command.secretaryPersonId(),
                command.month(), command.date()));
    }

    @CommandHandler
    void handle(CloseRollout command, DeadlineManager deadlines) {
        requireState("rollout", state, EnumSet.of(State.ACTIVE));
        apply(new RolloutClosed(rolloutId, campaignId, jurisdictionUnitId, command.date()));
        deadlines.cancelAllWithinScope(REPORT_MONTH_END);
    }

    /** The month whose report hearings are checked when it ends. */
    record ReportMonth(YearMonth month) {
    }

    private static void scheduleMonthEnd(DeadlineManager deadlines, YearMonth month) {
        deadlines.schedule(Deadlines.firesAfter(month.atEndOfMonth()), REPORT_MONTH_END, new ReportMonth(month));
    }

    /**
     * R-UNP-24 (ADVISORY): at the end of each month of an active rollout, every secretary owing monthly report
     * hearings (the county's own secretary, or the secretaries of a city's direct units, on the month's last day)
     * who held fewer than the policy asks is named. Months are checked until the rollout closes, for at most
     * {@code batchDurationMonths} after the mobilisation month, so that a rollout left open never checks forever.
     */
    @DeadlineHandler(deadlineName = REPORT_MONTH_END)
    void on(ReportMonth due, DirectUnits directUnits, RosterDirectory rosters, DeadlineManager deadlines) {
        if (state != State.ACTIVE) {
            return;
        }
        int required = intParameter("monthlyReportHearingsMin", DEFAULT_MONTHLY_HEARINGS);
        LocalDate lastDay = due.month().atEndOfMonth();
        List<UnitId> owing = switch (jurisdictionLevel) {
            case COUNTY -> List.of(jurisdictionUnitId);
            case CITY -> directUnits.directUnitsOf(jurisdictionUnitId);
            default -> List.of();
        };
        Map<PersonId, Integer> held = hearings.getOrDefault(due.month(), Map.of());
        for (UnitId unit : owing) {
            rosters.mainLeaderAsOf(unit, lastDay).ifPresent(secretary -> {
                int count = held.getOrDefault(secretary, 0);
                if (count < required) {
                    apply(new ReportHearingMissed(rolloutId, campaignId, jurisdictionUnitId, unit, secretary,
                            due.month(), count, required, Deadlines.firesAfter(lastDay)));
                }
            });
        }
        YearMonth next = due.month().plusMonths(1);
        if (!next.isAfter(YearMonth.from(mobilisedOn).plusMonths(intParameter("batchDurationMonths",
                DEFAULT_BATCH_MONTHS)))) {
            scheduleMonthEnd(deadlines, next);
        }
    }

    private boolean needsLeadingGroup() {
        return jurisdictionLevel == Level.CITY || jurisdictionLevel == Level.COUNTY;
    }

    /** The first stage whose start is off the stagger against a neighbouring tier, as a message; null if none. */
    private String staggerBreach(int tierNo, Map<Stage, DateWindow> windows) {
        int stagger = intParameter("tierStaggerDays", DEFAULT_STAGGER_DAYS);
        int tolerance = intParameter("staggerToleranceDays", DEFAULT_TOLERANCE_DAYS);
        for (Stage stage : Stage.values()) {
            DateWindow own = windows.get(stage);
            DateWindow before = tierWindows.getOrDefault(tierNo - 1, Map.of()).get(stage);
            DateWindow after = tierWindows.getOrDefault(tierNo + 1, Map.of()).get(stage);
            if (own != null && before != null && offStagger(before, own, stagger, tolerance)) {
                return stage + " of tier " + tierNo + " starts " + ChronoUnit.DAYS.between(before.from(), own.from())
                        + " days after tier " + (tierNo - 1) + "; expected " + stagger + " ± " + tolerance;
            }
            if (own != null && after != null && offStagger(own, after, stagger, tolerance)) {
                return stage + " of tier " + (tierNo + 1) + " would start "
                        + ChronoUnit.DAYS.between(own.from(), after.from()) + " days after tier " + tierNo
                        + "; expected " + stagger + " ± " + tolerance;
            }
        }
        return null;
    }

    private static boolean offStagger(DateWindow earlier, DateWindow later, int stagger, int tolerance) {
        return Math.abs(ChronoUnit.DAYS.between(earlier.from(), later.from()) - stagger) > tolerance;
    }

    private int intParameter(String name, int defaultValue) {
        String value = overrides.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    /** DOMAIN-ERRATA I16: same unit and rule, not expired, and not used before unless reusable. */
    private void requireUsableException(ExceptionId exceptionId, LocalDate on) {
        Granted granted = exceptions.get(exceptionId);
        if (granted == null || !granted.appliesTo(jurisdictionUnitId, "R-RLO-03", on)) {
            throw new RuleViolation("R-RLO-03", "exception " + exceptionId + " is not a valid R-RLO-03 exception for "
                    + jurisdictionUnitId + " on " + on, Map.of("field", "exceptionId"));
        }
        if (!granted.reusable() && consumedExceptions.contains(exceptionId)) {
            throw new RuleViolation("R-RLO-03", "exception " + exceptionId + " has already been used",
                    Map.of("field", "exceptionId"));
        }
    }


    @EventSourcingHandler
    void on(RolloutOpened event) {
        rolloutId = event.rolloutId();
        campaignId = event.campaignId();
        jurisdictionUnitId = event.jurisdictionUnitId();
        jurisdictionLevel = event.jurisdictionLevel();
        state = State.PLANNING;
    }

    @EventSourcingHandler
    void on(LeadingGroupEstablished event) {
        leadingGroupEstablished = true;
    }

    @EventSourcingHandler
    void on(CampaignOfficeEstablished event) {
        approverIds = Set.copyOf(event.approverIds());
    }

    @EventSourcingHandler
    void on(TierDefined event) {
        tierSelectors.put(event.tierNo(), event.selector());
        tierWindows.put(event.tierNo(), event.plannedWindows());
        if (event.exceptionId() != null) {
            consumedExceptions.add(event.exceptionId());
        }
    }

    @EventSourcingHandler
    void on(PolicyOverridden event) {
        overrides.put(event.parameter(), event.value());
    }

    @EventSourcingHandler
    void on(MobilisationConferenceHeld event) {
        state = State.ACTIVE;
        mobilisedOn = event.date();
    }

    @EventSourcingHandler
    void on(PolicyExceptionGranted event) {
        exceptions.put(event.exceptionId(), new Granted(event.exceptionId(), rolloutId, event.unitId(), event.ruleId(),
                event.approvedByPersonId(), event.date(), event.validUntil(), event.reusable()));
    }

    @EventSourcingHandler
    void on(LowerLevelReportHeard event) {
        hearings.computeIfAbsent(event.month(), month -> new HashMap<>())
                .merge(event.secretaryPersonId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(RolloutClosed event) {
        state = State.CLOSED;
    }
}
