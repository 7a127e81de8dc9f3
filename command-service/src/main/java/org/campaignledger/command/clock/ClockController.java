package org.campaignledger.command.clock;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.campaignledger.command.domain.Deadlines;
import org.campaignledger.command.domain.PlatformRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the business clock, and moves the simulated one forward (DOMAIN §8.5): {@code POST /api/clock/advance}
 * fires every deadline it passes before it answers, so the caller's next command sees their events.
 * SecurityConfig lets only SYSTEM_ADMIN advance the clock.
 */
@RestController
@RequestMapping("/api/clock")
class ClockController {
    private final ClockMode mode;
    private final Clock clock;
    private final ObjectProvider<SimulatedDeadlineManager> deadlines;

    ClockController(ClockMode mode, Clock clock, ObjectProvider<SimulatedDeadlineManager> deadlines) {
        this.mode = mode;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    record ClockView(String mode, String now) {
    }

    record AdvanceRequest(OffsetDateTime to) {
    }

    record Advanced(String mode, String now, int firedDeadlines) {
    }

    @GetMapping
    ClockView now() {
        return new ClockView(modeName(), now(clock));
    }

    @PostMapping("/advance")
    Advanced advance(@RequestBody AdvanceRequest request) {
        SimulatedDeadlineManager manager = deadlines.getIfAvailable();
        if (mode != ClockMode.SIMULATED || manager == null) {
            throw new Rejected(HttpStatus.CONFLICT, PlatformRules.STATE, "the clock is the system clock and cannot "
                    + "be advanced; start the command service with LEDGER_CLOCK_MODE=simulated", "mode");
        }
        if (request == null || request.to() == null) {
            throw new Rejected(HttpStatus.BAD_REQUEST, PlatformRules.VALIDATION,
                    "to is required, an ISO-8601 date-time with offset such as 2014-07-02T00:00:00+08:00", "to");
        }
        int fired;
        try {
            fired = manager.advanceClockTo(request.to().toInstant());
        } catch (IllegalArgumentException e) {
            throw new Rejected(HttpStatus.BAD_REQUEST, PlatformRules.VALIDATION, e.getMessage(), "to");
        }
        return new Advanced(modeName(), now(clock), fired);
    }

    private String modeName() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static String now(Clock clock) {
        return clock.instant().atZone(Deadlines.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static final class Rejected extends RuntimeException {
        private final HttpStatus status;
        private final String ruleId;
        private final String field;

        Rejected(HttpStatus status, String ruleId, String message, String field) {
            super(message);
            this.status = status;
            this.ruleId = ruleId;
            this.field = field;
        }
    }

    /** The same problem shape as a rejected command (CommandFailures): type, ruleId, message, details.field. */
    @ExceptionHandler(Rejected.class)
    ResponseEntity<ProblemDetail> rejected(Rejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(URI.create("urn:campaign-ledger:rule:" + e.ruleId));
        problem.setProperty("ruleId", e.ruleId);
        problem.setProperty("message", e.getMessage());
        problem.setProperty("details", Map.of("field", e.field));
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
