package org.campaignledger.command.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the event store's reader (and through it the Kafka publishing processor) when the appending database
 * transaction has committed, not before. {@code CommandPipeline} runs Axon's unit of work inside its own
 * transaction (events, lookups and the command outcome commit together), so the unit of work's "after commit"
 * comes while that outer transaction is still open: Axon's reader is woken, reads nothing yet visible, and then
 * sleeps for its fetch delay (1 s by default). That was the one-second mode of the end-to-end lag
 * (docs/perf/lag.md). Here the wake-up waits for the outer commit; without an outer transaction it is immediate,
 * as in Axon. A rolled-back transaction wakes nobody: it stored nothing.
 */
class CommitSignallingEventStore extends EmbeddedEventStore {

    CommitSignallingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal(events);
            }
        });
    }

    private void signal(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
