package org.campaignledger.command.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clock that stands still until it is moved forward (DOMAIN §8.5, DOMAIN-ERRATA B9). Its instant is kept in
 * {@code simulated_clock}, so a restart resumes where it stood; reads come from memory, so asking the time costs
 * no query. One command-service instance owns the clock: a second one would not see the first one's moves.
 */
public final class SimulatedClock extends Clock {
    private final JdbcTemplate jdbc;
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** Loads the stored instant, storing {@code start} first if the clock has never run. */
    public SimulatedClock(JdbcTemplate jdbc, Instant start, ZoneId zone) {
        this(jdbc, new AtomicReference<>(load(jdbc, start)), zone);
    }

    private SimulatedClock(JdbcTemplate jdbc, AtomicReference<Instant> now, ZoneId zone) {
        this.jdbc = jdbc;
        this.now = now;
        this.zone = zone;
    }

    private static Instant load(JdbcTemplate jdbc, Instant start) {
        jdbc.update("INSERT INTO simulated_clock (id, now) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                start.atOffset(ZoneOffset.UTC));
        return jdbc.queryForObject("SELECT now FROM simulated_clock WHERE id = 1",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class)).toInstant();
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return otherZone.equals(zone) ? this : new SimulatedClock(jdbc, now, otherZone);
    }

    /**
     * Moves the clock to {@code to}, in the caller's transaction if there is one.
     *
     * @throws IllegalArgumentException if {@code to} is before the current instant: business time never runs back
     */
    synchronized void moveTo(Instant to) {
        Instant current = now.get();
        if (to.isBefore(current)) {
            throw new IllegalArgumentException("the clock stands at " + current + " and only moves forward, not to " + to);
        }
        jdbc.update("UPDATE simulated_clock SET now = ? WHERE id = 1", to.atOffset(ZoneOffset.UTC));
        now.set(to);
    }
}
