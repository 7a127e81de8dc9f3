package org.campaignledger.command.pipeline;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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

    /** The HTTP answer: the acceptance as JSON or the problem, marked when it replays an earlier outcome. */
    public ResponseEntity<String> toResponse() {
        var response = ResponseEntity.status(httpStatus)
                .contentType(outcome == Outcome.ACCEPTED ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(body);
    }
}
