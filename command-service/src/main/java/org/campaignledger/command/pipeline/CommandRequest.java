package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.campaignledger.kernel.command.LedgerCommand;

/**
 * A command as it arrived over HTTP, before its envelope is taken apart from its payload. {@code admission} is
 * null, or the one-time credential the command is admitted with (an evaluation session's form token): it is spent
 * in the transaction that records the command's events, so a rejected command leaves it unspent.
 */
public record CommandRequest(String commandType, ObjectNode body, String idempotencyKey, String ifMatch,
                             String correlationId, Actor actor, Admission admission) {

    /** Spends a one-time credential for the command, or throws a RuleViolation saying why it cannot be spent. */
    @FunctionalInterface
    public interface Admission {
        void spend(LedgerCommand command);
    }
}
