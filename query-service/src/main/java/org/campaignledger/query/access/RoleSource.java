package org.campaignledger.query.access;

import java.time.LocalDate;
import java.util.function.BiConsumer;

/**
 * A feature's share in who a reader is: the units in which a person holds domain roles on a business date, read
 * from that feature's own read model. Access asks every source instead of reading the features' collections, so
 * the features depend on access and never the other way round.
 */
@FunctionalInterface
public interface RoleSource {

    void grant(String personId, LocalDate today, BiConsumer<ReadRole, String> roleInUnit);
}
