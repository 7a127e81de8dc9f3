package org.campaignledger.command.pipeline;

/**
 * What a command came to, as sent to the client and stored for idempotent replay.
 * {@code body} is the JSON response: the acceptance, or an RFC 9457 problem.
 */
public record CommandResult(Outcome outcome, int httpStatus, String ruleId, String aggregateId, String body,
                            boolean replayed) {
    public enum Outcome { ACCEPTED, REJECTED }

    CommandResult asReplay() {
        return new CommandResult(outcome, httpStatus, ruleId, aggregateId, body, true);
    }
}
