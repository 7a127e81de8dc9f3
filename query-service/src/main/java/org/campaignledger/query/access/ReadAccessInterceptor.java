package org.campaignledger.query.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.campaignledger.query.platform.ForbiddenException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Deny by default: a query endpoint without a row in {@link ReadEndpoint} is refused, and so is a reader who may
 * read an endpoint nowhere. The unit-by-unit check happens where the controller knows the unit.
 */
class ReadAccessInterceptor implements HandlerInterceptor {
    private final ReadAccess access;

    ReadAccessInterceptor(ReadAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        ReadEndpoint endpoint = ReadEndpoint.of(request.getMethod(), String.valueOf(pattern))
                .orElseThrow(() -> new ForbiddenException("this query has no read rule", "NONE", List.of()));
        access.requireAnywhere(endpoint);
        return true;
    }
}
