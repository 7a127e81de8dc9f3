package org.campaignledger.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, as an RFC 9457 problem: what the container refuses before Spring sees the request (an
 * encoded {@code /} or a {@code ../} that climbs out of the path, a malformed request line) would otherwise be
 * answered with its HTML page. Nothing of the request or of Tomcat's message is echoed.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        StringBuilder problem = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"")
                .append(known == null ? "Error" : known.getReasonPhrase()).append("\",\"status\":").append(status);
        if (status == 400) {
            problem.append(",\"detail\":\"the request line or its path is malformed\",\"ruleId\":\"")
                    .append(PATH_RULE).append("\",\"details\":{\"field\":\"path\"}");
        }
        problem.append('}');
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem.toString());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over meanwhile: nothing left to answer
        }
    }

    private static final String PATH_RULE = "R-API-VALIDATION";
}
