package org.campaignledger.command.access;

import static org.campaignledger.command.access.Role.CAMPAIGN_OFFICE_APPROVER;
import static org.campaignledger.command.access.Role.CAMPAIGN_OFFICE_STAFF;
import static org.campaignledger.command.access.Role.DISCIPLINE_ORG_RECIPIENT;
import static org.campaignledger.command.access.Role.GUIDANCE_GROUP_MEMBER;
import static org.campaignledger.command.access.Role.HIGHER_REVIEWER;
import static org.campaignledger.command.access.Role.LEADERSHIP_MEMBER;
import static org.campaignledger.command.access.Role.PARTY_GROUP_HEAD;
import static org.campaignledger.command.access.Role.PII_OFFICER;
import static org.campaignledger.command.access.Role.PUBLIC;
import static org.campaignledger.command.access.Role.SG_LEADER;
import static org.campaignledger.command.access.Role.SG_MEMBER;
import static org.campaignledger.command.access.Role.SYSTEM;
import static org.campaignledger.command.access.Role.SYSTEM_ADMIN;
import static org.campaignledger.command.access.Role.UNIT_OFFICE_STAFF;
import static org.campaignledger.command.access.Role.UNIT_SECRETARY;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may send which command (DOMAIN §7, "May (commands)"): the one table of the API-side check. A later stage
 * adds rows here, not code paths. The scope a role is checked in follows from the role (see {@link Role.Source})
 * and from the units the command concerns ({@link CommandScope}). Rule-bearing checks (R-REV-02, R-GEN-03,
 * R-LBK-05, R-SG-03 …) stay in the aggregates and run after this one.
 *
 * <p>Decisions the §7 table leaves open: campaign, rollout, leading-group and office set-up is reference data of
 * the SYSTEM_ADMIN (the office cannot establish itself); supervision groups are formed and assigned by the
 * campaign office of the dispatching jurisdiction; gate facts and evaluation preconditions are credited by the
 * SYSTEM only, never through the API.
 */
public final class CommandPermissions {
    private static final Set<Role> SG = EnumSet.of(SG_MEMBER, SG_LEADER, GUIDANCE_GROUP_MEMBER);
    private static final Set<Role> OFFICE = EnumSet.of(CAMPAIGN_OFFICE_STAFF, CAMPAIGN_OFFICE_APPROVER);
    private static final Set<Role> CHAIN_STEP = EnumSet.of(HIGHER_REVIEWER, PARTY_GROUP_HEAD, SG_MEMBER, SG_LEADER,
            GUIDANCE_GROUP_MEMBER, CAMPAIGN_OFFICE_APPROVER, UNIT_SECRETARY);

    private static final Map<String, Set<Role>> TABLE = new Table()
            // §4.1 reference data, from the personnel feed
            .allow(Set.of(SYSTEM_ADMIN), "RegisterUnit", "AppointRosterMember", "EndRosterMembership",
                    "AssignPortfolio", "AppointDepartmentHead", "DesignateContactPoint", "FlagUnit", "ReparentUnit",
                    "MergeUnit", "DissolveUnit", "ReclassifyUnit", "RegisterPerson", "UpdateMobileStatus")
            // §3.6 crypto-shredding of personal data (DOMAIN-ERRATA I12)
            .allow(Set.of(PII_OFFICER), "ShredPersonalData", "ShredSubmitterIdentity")
            // §4.2 campaign and §4.3 rollout set-up
            .allow(Set.of(SYSTEM_ADMIN), "DefineCampaign", "DefineBatch", "AdoptPolicyProfile", "StartCampaign",
                    "OpenRollout", "EstablishLeadingGroup", "EstablishCampaignOffice")
            .allow(OFFICE, "DefineTier", "IssueTypeGuidance", "HoldMobilisationConference")
            .allow(Set.of(CAMPAIGN_OFFICE_APPROVER), "OverridePolicy", "GrantPolicyException", "CloseRollout")
            .allow(Set.of(CAMPAIGN_OFFICE_STAFF, UNIT_SECRETARY), "RecordReportHearing")
            // §4.4 supervision groups
            .allow(OFFICE, "FormSupervisionGroup", "AddSgMember", "RemoveSgMember", "AssignUnit", "UnassignUnit",
                    "DisbandSupervisionGroup")
            // §4.5 the unit's journey
            .allow(Set.of(CAMPAIGN_OFFICE_STAFF), "RegisterParticipation")
            .allow(OFFICE, "FlagWeakOrganisation")
            .allow(Set.of(UNIT_SECRETARY), "StartPreparation", "FormUnitLeadingGroup", "RecordMobilisation",
                    "StartStage", "ConcludeParticipation")
            .allow(Set.of(UNIT_SECRETARY, UNIT_OFFICE_STAFF), "RecordStudyActivity")
            .allow(Set.of(UNIT_SECRETARY, LEADERSHIP_MEMBER, UNIT_OFFICE_STAFF), "RecordGrassrootsListening",
                    "RecordSymposium")
            .allow(union(SG, Set.of(CAMPAIGN_OFFICE_APPROVER)), "CompleteOrganisationalRectification",
                    "ReopenStage")
            .allow(SG, "OrderRework", "CompleteRework")
            .allow(Set.of(CAMPAIGN_OFFICE_APPROVER), "ExtendStage", "WithdrawParticipation")
            .allow(Set.of(CAMPAIGN_OFFICE_APPROVER, DISCIPLINE_ORG_RECIPIENT), "RecordAccountabilityMeasure")
            .allow(Set.of(SYSTEM), "CreditGateFact", "RevokeGateFact")
            // §4.6 opinions
            .allow(Set.of(PUBLIC), "RecordOpinion")
            .allow(Set.of(CAMPAIGN_OFFICE_STAFF), "ClassifyOpinion", "RouteOpinion", "CopyOpinionTo",
                    "EscalateOpinion", "ReferOpinion", "MergeDuplicateOpinion")
            .allow(Set.of(CAMPAIGN_OFFICE_APPROVER), "CorrectOpinionClassification")
            .allow(Set.of(UNIT_SECRETARY, LEADERSHIP_MEMBER), "AcknowledgeOpinion", "ExplainOpinion",
                    "MarkOpinionResolved")
            .allow(Set.of(UNIT_OFFICE_STAFF, CAMPAIGN_OFFICE_STAFF), "RecordSubmitterFeedback")
            // §4.11 plans and reports: drafted by their unit, the SG or the office; steps decided in the aggregate
            .allow(Set.of(UNIT_SECRETARY, UNIT_OFFICE_STAFF, SG_LEADER, CAMPAIGN_OFFICE_STAFF), "DraftDocument",
                    "ReviseDocument", "SubmitDocument")
            .allow(CHAIN_STEP, "ApproveDocumentStep", "AcknowledgeDocumentStep", "ReturnDocument")
            .allow(Set.of(UNIT_SECRETARY, CAMPAIGN_OFFICE_STAFF), "FileDocument")
            .allow(Set.of(SG_LEADER, SG_MEMBER), "DeliverDocument")
            // §4.13 public evaluation
            .allow(Set.of(UNIT_SECRETARY), "PlanEvaluation", "OpenEvaluationSession", "CloseEvaluation",
                    "FeedBackEvaluationResults")
            .allow(Set.of(PUBLIC), "RecordEvaluationForm")
            .allow(Set.of(UNIT_OFFICE_STAFF), "RecordPaperTally")
            .allow(Set.of(CAMPAIGN_OFFICE_STAFF), "ConfirmPaperTally", "RecordEvaluationReportFiled")
            .allow(Set.of(CAMPAIGN_OFFICE_APPROVER), "CorrectEvaluationTally")
            .allow(Set.of(SYSTEM), "CreditEvaluationPrecondition", "RevokeEvaluationPrecondition")
            // §4.14 look-back
            .allow(SG, "OpenLookBack", "RecordLookBackFinding", "DecideLookBackOutcome", "AmendLookBackOutcome",
                    "ProposeLookBackDowngrade", "ConcludeLookBack")
            .allow(union(SG, Set.of(UNIT_SECRETARY)), "CompleteCorrectiveAction", "CompleteMakeUpActivity")
            .allow(Set.of(CAMPAIGN_OFFICE_APPROVER), "ApproveLookBackDowngrade")
            .allow(Set.of(SYSTEM), "RecordRedoCompleted")
            .rows();

    /**
     * Acts that only the accountable person may do, never a bulk loader: destroying personal data cannot be a
     * replayed record (R-OPN-02, docs/adr/0011).
     */
    private static final Set<String> NOT_IMPORTABLE = Set.of("ShredPersonalData", "ShredSubmitterIdentity");

    /**
     * Commands the PUBLIC may send only with a one-time session token (DOMAIN §7), spent with the command: through
     * {@code POST /api/public/evaluation-forms}, never with a bearer token alone.
     */
    private static final Set<String> ONE_TIME_TOKEN = Set.of("RecordEvaluationForm");

    private CommandPermissions() {
    }

    /** Whether {@link Role#DATA_IMPORT} may send the command type. */
    public static boolean importable(String commandType) {
        return !NOT_IMPORTABLE.contains(commandType);
    }

    /** Whether the PUBLIC may send the command type only with a one-time session token. */
    public static boolean needsOneTimeToken(String commandType) {
        return ONE_TIME_TOKEN.contains(commandType);
    }

    /** The roles that may send the command type; empty if the table has no row for it. */
    public static Optional<Set<Role>> rolesFor(String commandType) {
        return Optional.ofNullable(TABLE.get(commandType));
    }

    public static Set<String> commandTypes() {
        return TABLE.keySet();
    }

    private static Set<Role> union(Set<Role> a, Set<Role> b) {
        Set<Role> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    private static final class Table {
        private final Map<String, Set<Role>> rows = new LinkedHashMap<>();

        Table allow(Set<Role> roles, String... commandTypes) {
            for (String type : commandTypes) {
                if (rows.putIfAbsent(type, Set.copyOf(roles)) != null) {
                    throw new IllegalStateException(type + " has two rows");
                }
            }
            return this;
        }

        Map<String, Set<Role>> rows() {
            return Map.copyOf(rows);
        }
    }
}
