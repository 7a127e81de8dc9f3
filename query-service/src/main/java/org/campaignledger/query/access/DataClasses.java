package org.campaignledger.query.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The data class of every read-model field that is not visible to every reader of its endpoint (DOMAIN §3.6, §7),
 * one table per read model: field path → class. A path is dotted; {@code name[]} walks every element of a list
 * and {@code *} every value of a map. A field may be classified only in documents of one event or command type,
 * and only where the actor acted as the public (an opinion recorded by its own submitter: who recorded it is PII
 * then, R-OPN-02; recorded by office staff, it is not). A field outside the reader's audience is replaced by the
 * marker {@code {"redacted": "<CLASS>"}}, the one shape on every endpoint. Unlisted fields have the class of their
 * endpoint, which {@link ReadEndpoint} already guards.
 */
public final class DataClasses {
    /**
     * A classified field; {@code type} limits it to documents of that event or command type, {@code rolesPath}
     * to documents whose actor acted as the public (the opinion's submitter recorded it themselves).
     */
    public record Field(String path, DataClass dataClass, String type, String rolesPath) {
        boolean appliesTo(Map<String, Object> document) {
            boolean ofType = type == null || type.equals(document.get("eventType"))
                    || type.equals(document.get("commandType"));
            return ofType && (rolesPath == null || actedAsPublic(at(document, rolesPath)));
        }
    }

    /** Roles under which a person records their own opinion (§7: PUBLIC, and PARTY_MEMBER who may do the same). */
    private static final Set<String> SUBMITTER_ROLES = Set.of("PUBLIC", "PARTY_MEMBER");
    private static final String OPINION_RECORDED = "OpinionRecorded";
    private static final String OPINION_REFERRED = "OpinionReferred";

    private static final Map<String, List<Field>> TABLES = Map.ofEntries(
            Map.entry("rm_org_tree", List.of(
                    field("flags", DataClass.INTERNAL),
                    field("dissolutionReason", DataClass.INTERNAL))),
            Map.entry("rm_opinions", List.of(
                    field("rawTextRef", DataClass.INTERNAL),
                    field("rawTextSha256", DataClass.INTERNAL),
                    field("solicitationRef", DataClass.INTERNAL),
                    field("explanation.explanationRef", DataClass.INTERNAL),
                    field("target.personId", DataClass.INTERNAL),
                    // R-OPN-07: the referral record is CONFIDENTIAL.
                    field("referred", DataClass.CONFIDENTIAL))),
            Map.entry("rm_documents", List.of(
                    field("content.contentRef", DataClass.INTERNAL),
                    field("lastReturn.reasons", DataClass.INTERNAL))),
            Map.entry("rm_lookbacks", List.of(
                    field("findings.*.notesRef", DataClass.INTERNAL),
                    field("findings.*.evidenceRefs", DataClass.INTERNAL),
                    field("pendingDowngrade.justification", DataClass.INTERNAL))),
            Map.entry("rm_rollouts", List.of(
                    field("exceptions", DataClass.INTERNAL),
                    field("reportHearings", DataClass.INTERNAL),
                    field("policyOverrides.*.reason", DataClass.INTERNAL))),
            Map.entry("rm_timeline", List.of(
                    submitter("actorPersonId", "actorRole"))),
            Map.entry("rm_audit_index", List.of(
                    submitter("actor.personId", "actor.roleCodes"),
                    submitter("actor.actingForPersonId", "actor.roleCodes"))),
            Map.entry("rm_command_audit", List.of(
                    new Field("actor.personId", DataClass.PII, "RecordOpinion", "actor.roleCodes"))),
            // One element of events[] of an aggregate's history (AQ-1): envelope and payload as stored.
            Map.entry("audit_stream", List.of(
                    submitter("envelope.actorId", "envelope.actorRoles"),
                    submitter("envelope.actingForPersonId", "envelope.actorRoles"),
                    submitter("payload.collectedByPersonId", "envelope.actorRoles"),
                    of(OPINION_RECORDED, "payload.submitterPiiRef", DataClass.PII),
                    of(OPINION_RECORDED, "payload.rawTextRef", DataClass.INTERNAL),
                    of(OPINION_REFERRED, "payload.to", DataClass.CONFIDENTIAL),
                    of(OPINION_REFERRED, "payload.referenceNo", DataClass.CONFIDENTIAL),
                    of(OPINION_REFERRED, "payload.referenceRef", DataClass.CONFIDENTIAL),
                    of("PersonRegistered", "payload.piiRef", DataClass.PII),
                    field("payload.contentRef", DataClass.INTERNAL),
                    field("payload.commentsRef", DataClass.INTERNAL),
                    field("payload.notesRef", DataClass.INTERNAL),
                    field("payload.evidenceRefs", DataClass.INTERNAL),
                    field("payload.explanationRef", DataClass.INTERNAL))));

    private DataClasses() {
    }

    public static List<Field> of(String readModel) {
        return TABLES.getOrDefault(readModel, List.of());
    }

    public static Set<String> readModels() {
        return TABLES.keySet();
    }

    /** Replaces, in place, every classified field the audience may not see. */
    public static <M extends Map<String, Object>> M redact(String readModel, M document, Set<DataClass> audience) {
        for (Field field : of(readModel)) {
            if (!audience.contains(field.dataClass()) && field.appliesTo(document)) {
                replace(document, field.path().split("\\."), 0, field.dataClass());
            }
        }
        return document;
    }

    public static Document marker(DataClass dataClass) {
        return new Document("redacted", dataClass.name());
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object node, String[] path, int at, DataClass dataClass) {
        if (!(node instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        String segment = path[at];
        boolean each = segment.endsWith("[]");
        String key = each ? segment.substring(0, segment.length() - 2) : segment;
        List<String> keys = key.equals("*") ? List.copyOf(map.keySet()) : List.of(key);
        boolean last = at == path.length - 1;
        for (String k : keys) {
            Object value = map.get(k);
            if (value == null) {
                continue;
            }
            if (each && value instanceof List<?> list) {
                list.forEach(element -> replace(element, path, at + 1, dataClass));
            } else if (last) {
                map.put(k, marker(dataClass));
            } else {
                replace(value, path, at + 1, dataClass);
            }
        }
    }

    private static Field field(String path, DataClass dataClass) {
        return new Field(path, dataClass, null, null);
    }

    private static Field of(String type, String path, DataClass dataClass) {
        return new Field(path, dataClass, type, null);
    }

    /** Who recorded an opinion is its submitter when they acted as the public: PII then (R-OPN-02). */
    private static Field submitter(String path, String rolesPath) {
        return new Field(path, DataClass.PII, OPINION_RECORDED, rolesPath);
    }

    /** The value at a dotted path, or null. */
    static Object at(Map<String, Object> document, String path) {
        Object value = document;
        for (String key : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }

    /** Roles are a comma-separated envelope value or a list, depending on the read model. */
    private static boolean actedAsPublic(Object roles) {
        List<String> codes = roles instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : roles == null ? List.of() : List.of(String.valueOf(roles).split(","));
        return codes.stream().map(String::trim).anyMatch(SUBMITTER_ROLES::contains);
    }
}
