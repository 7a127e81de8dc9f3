package org.campaignledger.query.access;

import com.mongodb.client.model.Filters;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.conversions.Bson;

/**
 * Platform readers whose role covers only some documents of a read model (DOMAIN §7, "May read"): the discipline
 * organ and organisation department read filed reports and referrals, not every plan or opinion.
 */
final class PlatformLimits {
    /** The same condition as a query filter, for lists, and as a test, for one document. */
    record Limit(Bson filter, Predicate<Map<String, Object>> holds) {
    }

    private static final Map<String, Map<ReadRole, Limit>> LIMITS = Map.of(
            "rm_documents", Map.of(ReadRole.DISCIPLINE_ORG_RECIPIENT, new Limit(Filters.eq("state", "FILED"),
                    document -> "FILED".equals(document.get("state")))),
            "rm_opinions", Map.of(ReadRole.DISCIPLINE_ORG_RECIPIENT, new Limit(Filters.eq("referred", true),
                    document -> Boolean.TRUE.equals(document.get("referred")))));

    private PlatformLimits() {
    }

    static Optional<Limit> of(String readModel, ReadRole role) {
        return Optional.ofNullable(LIMITS.getOrDefault(readModel, Map.of()).get(role));
    }
}
