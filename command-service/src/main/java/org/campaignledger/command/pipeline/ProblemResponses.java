package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems written by filters and handlers that run outside Spring MVC's exception handling. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    /** {@code ruleId} may be null; the detail never carries more than the caller put into it. */
    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String ruleId, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (ruleId != null) {
            problem.setType(URI.create("urn:campaign-ledger:rule:" + ruleId));
            problem.setProperty("ruleId", ruleId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
