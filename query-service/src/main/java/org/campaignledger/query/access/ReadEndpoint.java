package org.campaignledger.query.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may read what (DOMAIN §7, "May read"): every query endpoint, the domain roles that may
 * read it in the units where they hold them, the platform roles that may read it everywhere, the read model whose
 * data-class table ({@link DataClasses}) redacts its documents, and the fields that name a document's units.
 * An endpoint without unit fields is not about one unit: a domain role held anywhere is enough. A request to an
 * endpoint missing here is refused ({@link ReadAccessInterceptor}); ReadEndpointTableTest fails when a controller
 * mapping has no row.
 */
public enum ReadEndpoint {
    UNIT("GET /api/units/{unitId}", "rm_org_tree", Roles.DOMAIN, Roles.AUDIT_AND_ADMIN, "unitId"),
    UNITS("GET /api/units", "rm_org_tree", Roles.DOMAIN, Roles.AUDIT_AND_ADMIN, "unitId"),
    UNIT_ROSTER("GET /api/units/{unitId}/roster", "rm_roster", Roles.DOMAIN, Roles.AUDIT_AND_ADMIN, "unitId"),
    OPINION_STATS("GET /api/units/{unitId}/opinion-stats", "rm_opinion_stats", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    UNIT_TIMELINE("GET /api/units/{unitId}/timeline", "rm_timeline", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    /** An opinion concerns where it was collected, where it is routed and where copies went. */
    OPINION("GET /api/opinions/{opinionId}", "rm_opinions", Roles.DOMAIN, Roles.OPINION_PLATFORM,
            "unitId", "target.unitId", "copies"),
    OPINIONS("GET /api/opinions", "rm_opinions", Roles.DOMAIN, Roles.OPINION_PLATFORM,
            "unitId", "target.unitId", "copies"),
    PARTICIPATION("GET /api/participations/{participationId}", "rm_unit_progress", Roles.DOMAIN, Roles.AUDIT,
            "unitId"),
    PARTICIPATIONS("GET /api/participations", "rm_unit_progress", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    /** Roll-ups are about the unit they are asked for (jurisdiction or ancestor); the whole campaign is platform. */
    // A roll-up aggregates every unit below the node asked for: only roles that hold in all of them may ask.
    PROGRESS_ROLLUP("GET /api/progress/rollup", "rm_unit_progress", Roles.OFFICE, Roles.AUDIT, "unitId"),
    PROGRESS_DAILY("GET /api/progress/daily", "rm_progress_daily", Roles.OFFICE, Roles.AUDIT, "jurisdictionId"),
    PROGRESS_SNAPSHOT("POST /api/progress/daily/snapshot", "rm_progress_daily", Roles.OFFICE, Roles.ADMIN,
            "jurisdictionId"),
    ROLLOUT("GET /api/rollouts/{rolloutId}", "rm_rollouts", Roles.DOMAIN, Roles.AUDIT_AND_ADMIN,
            "jurisdictionUnitId"),
    ROLLOUT_GANTT("GET /api/rollouts/{rolloutId}/gantt", "rm_rollouts", Roles.DOMAIN, Roles.AUDIT,
            "jurisdictionUnitId"),
    CAMPAIGN("GET /api/campaigns/{campaignId}", "rm_campaigns", Roles.DOMAIN, Roles.ALL_PLATFORM_READERS),
    /** The discipline organ receives filed special reports (§7). */
    DOCUMENT("GET /api/documents/{documentId}", "rm_documents", Roles.DOMAIN, Roles.DOCUMENT_PLATFORM, "unitId"),
    DOCUMENTS("GET /api/documents", "rm_documents", Roles.DOMAIN, Roles.DOCUMENT_PLATFORM, "unitId"),
    EVALUATION("GET /api/evaluations/{evaluationId}", "rm_evaluations", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    EVALUATIONS("GET /api/evaluations", "rm_evaluations", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    LOOKBACK("GET /api/lookbacks/{lookBackId}", "rm_lookbacks", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    LOOKBACKS("GET /api/lookbacks", "rm_lookbacks", Roles.DOMAIN, Roles.AUDIT, "unitId"),
    AUDIT_STREAM("GET /api/audit/streams/{aggregateId}", "audit_stream", Roles.NONE, Roles.AUDIT),
    AUDIT_SEPARATION_OF_DUTIES("GET /api/audit/separation-of-duties", "audit_separation_of_duties", Roles.NONE,
            Roles.AUDIT),
    AUDIT_ACCESS_LOG("GET /api/audit/access-log", "audit_access_log", Roles.NONE, Roles.AUDIT),
    AUDIT_UNIT_EVENTS("GET /api/audit/units/{unitId}/events", "rm_audit_index", Roles.NONE, Roles.AUDIT),
    AUDIT_COMMANDS("GET /api/audit/commands", "rm_command_audit", Roles.NONE, Roles.AUDIT);

    private final String method;
    private final String path;
    private final String readModel;
    private final Set<ReadRole> unitRoles;
    private final Set<ReadRole> platformRoles;
    private final List<String> unitFields;

    ReadEndpoint(String route, String readModel, Set<ReadRole> unitRoles, Set<ReadRole> platformRoles,
                 String... unitFields) {
        this.method = route.substring(0, route.indexOf(' '));
        this.path = route.substring(route.indexOf(' ') + 1);
        this.readModel = readModel;
        this.unitRoles = unitRoles;
        this.platformRoles = platformRoles;
        this.unitFields = List.of(unitFields);
    }

    public static Optional<ReadEndpoint> of(String method, String pathPattern) {
        return Arrays.stream(values()).filter(e -> e.method.equals(method) && e.path.equals(pathPattern)).findFirst();
    }

    public String route() {
        return method + " " + path;
    }

    public String readModel() {
        return readModel;
    }

    public Set<ReadRole> unitRoles() {
        return unitRoles;
    }

    public Set<ReadRole> platformRoles() {
        return platformRoles;
    }

    public List<String> unitFields() {
        return unitFields;
    }

    /** Role sets of the table; domain roles are never platform roles and the other way round. */
    private static final class Roles {
        static final Set<ReadRole> NONE = Set.of();
        static final Set<ReadRole> DOMAIN = EnumSet.of(ReadRole.UNIT_SECRETARY, ReadRole.LEADERSHIP_MEMBER,
                ReadRole.UNIT_OFFICE_STAFF, ReadRole.SG_MEMBER, ReadRole.SG_LEADER, ReadRole.GUIDANCE_GROUP_MEMBER,
                ReadRole.CAMPAIGN_OFFICE_STAFF, ReadRole.CAMPAIGN_OFFICE_APPROVER);
        static final Set<ReadRole> OFFICE = EnumSet.of(ReadRole.CAMPAIGN_OFFICE_STAFF,
                ReadRole.CAMPAIGN_OFFICE_APPROVER);
        static final Set<ReadRole> AUDIT = EnumSet.of(ReadRole.AUDITOR);
        static final Set<ReadRole> ADMIN = EnumSet.of(ReadRole.SYSTEM_ADMIN);
        static final Set<ReadRole> AUDIT_AND_ADMIN = EnumSet.of(ReadRole.AUDITOR, ReadRole.SYSTEM_ADMIN);
        static final Set<ReadRole> OPINION_PLATFORM = EnumSet.of(ReadRole.AUDITOR, ReadRole.PII_OFFICER,
                ReadRole.DISCIPLINE_ORG_RECIPIENT);
        static final Set<ReadRole> DOCUMENT_PLATFORM = EnumSet.of(ReadRole.AUDITOR,
                ReadRole.DISCIPLINE_ORG_RECIPIENT);
        static final Set<ReadRole> ALL_PLATFORM_READERS = EnumSet.of(ReadRole.AUDITOR, ReadRole.SYSTEM_ADMIN,
                ReadRole.PII_OFFICER, ReadRole.DISCIPLINE_ORG_RECIPIENT);

        private Roles() {
        }
    }
}
