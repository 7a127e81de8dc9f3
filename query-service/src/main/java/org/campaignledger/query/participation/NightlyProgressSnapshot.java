package org.campaignledger.query.participation;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes the {@code rm_progress_daily} snapshots of the day just ended (cron and zone in
 * {@code ledger.progress.daily-snapshot}; off with {@code enabled: false}). Scheduling is switched on here only,
 * for this job. Every instance runs it; the snapshots are keyed by day, so they end as one document each.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "ledger.progress.daily-snapshot", name = "enabled", matchIfMissing = true)
class NightlyProgressSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyProgressSnapshot.class);

    private final ProgressDailySnapshots snapshots;
    private final Clock clock;

    NightlyProgressSnapshot(ProgressDailySnapshots snapshots, Clock businessClock) {
        this.snapshots = snapshots;
        this.clock = businessClock;
    }

    @Scheduled(cron = "${ledger.progress.daily-snapshot.cron:0 10 0 * * *}",
            zone = "${ledger.progress.daily-snapshot.zone:Asia/Shanghai}")
    void snapshotYesterday() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LOG.info("took {} progress snapshots of {}", snapshots.snapshotAll(yesterday).size(), yesterday);
    }
}
