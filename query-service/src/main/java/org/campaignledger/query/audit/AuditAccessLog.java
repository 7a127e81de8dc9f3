package org.campaignledger.query.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * DOMAIN §6: every audit query is itself logged with the auditor, the question and the time.
 * The entry is written before the question is answered, so no answer goes out unlogged.
 */
@Component
class AuditAccessLog implements HandlerInterceptor, WebMvcConfigurer {
    static final String COLLECTION = "audit_access_log";
    private static final Logger LOG = LoggerFactory.getLogger(AuditAccessLog.class);

    private final MongoTemplate mongo;

    AuditAccessLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        List<String> roles = who == null ? List.of() : who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList();
        Document entry = new Document("at", Instant.now().toString())
                .append("auditorId", who == null ? null : who.getName())
                .append("roles", roles)
                .append("method", request.getMethod())
                .append("path", request.getRequestURI())
                .append("query", request.getQueryString());
        mongo.getCollection(COLLECTION).insertOne(entry);
        LOG.info("audit query {} {} by {}", request.getMethod(), request.getRequestURI(), entry.get("auditorId"));
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/audit/**");
    }
}
