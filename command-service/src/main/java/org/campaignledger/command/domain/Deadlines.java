package org.campaignledger.command.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** When a date-bound deadline fires: 00:00 Asia/Shanghai on the day after the due date (DOMAIN §3.4). */
public final class Deadlines {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Deadlines() {
    }

    public static Instant firesAfter(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The business date of an envelope's {@code occurredAt}, in the campaign's zone. */
    public static LocalDate businessDate(String occurredAt) {
        return Instant.parse(occurredAt).atZone(ZONE).toLocalDate();
    }
}
