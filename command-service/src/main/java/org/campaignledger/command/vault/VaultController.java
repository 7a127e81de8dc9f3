package org.campaignledger.command.vault;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.campaignledger.command.access.AccessDenied;
import org.campaignledger.command.access.Role;
import org.campaignledger.command.domain.PlatformRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading personal data from the vault (DOMAIN §6, §7 "PII"): only the PII officer, or an auditor whose token also
 * carries the separately approved {@code PII_ACCESS} grant, and only PII entries. Every attempt is logged, allowed
 * or not; a refusal says which roles would do and nothing about the token.
 */
@RestController
@RequestMapping("/api/vault")
class VaultController {
    static final String PII_ACCESS_GRANT = "PII_ACCESS";
    private static final int MAX_LOG_ROWS = 500;

    private final JdbcVault vault;
    private final VaultAccessLog log;

    VaultController(JdbcVault vault, VaultAccessLog log) {
        this.vault = vault;
        this.log = log;
    }

    @Operation(summary = "Read one PII entry of the vault",
            description = "The clear content, or {\"shredded\": true} once its subject was shredded. PII_OFFICER, "
                    + "or AUDITOR with PII_ACCESS. Every call is written to the vault access log.")
    @GetMapping("/{token}")
    ResponseEntity<?> read(@PathVariable String token, JwtAuthenticationToken principal) {
        String actor = principal.getName();
        List<String> roles = rolesOf(principal);
        boolean allowed = roles.contains(Role.PII_OFFICER.name())
                || roles.contains(Role.AUDITOR.name()) && roles.contains(PII_ACCESS_GRANT);
        if (!allowed) {
            log.record(actor, roles, token, null, VaultAccessLog.Outcome.REFUSED);
            return forbidden("reading the vault needs PII_OFFICER, or AUDITOR with a PII_ACCESS grant");
        }
        Optional<Disclosure> found = vault.read(token);
        if (found.isEmpty()) {
            log.record(actor, roles, token, null, VaultAccessLog.Outcome.NOT_FOUND);
            return problem(HttpStatus.NOT_FOUND, PlatformRules.NOT_FOUND, "no vault entry has this token");
        }
        Disclosure disclosure = found.get();
        if (disclosure.dataClass() != Vault.DataClass.PII) {
            // INTERNAL and CONFIDENTIAL content has its own readers (DOMAIN §7); PII clearance does not cover it.
            log.record(actor, roles, token, disclosure.subject(), VaultAccessLog.Outcome.REFUSED);
            return forbidden("this endpoint discloses PII entries only");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("subject", disclosure.subject());
        body.put("dataClass", disclosure.dataClass().name());
        if (disclosure instanceof Disclosure.Revealed revealed) {
            log.record(actor, roles, token, disclosure.subject(), VaultAccessLog.Outcome.REVEALED);
            body.put("shredded", false);
            body.put("content", revealed.content());
        } else if (disclosure instanceof Disclosure.Shredded shredded) {
            log.record(actor, roles, token, disclosure.subject(), VaultAccessLog.Outcome.SHREDDED);
            body.put("shredded", true);
            body.put("shreddedAt", shredded.shreddedAt().toString());
        }
        return ResponseEntity.ok(body);
    }

    @Operation(summary = "The vault access log, newest first (read-only; AUDITOR or PII_OFFICER)")
    @GetMapping("/access-log")
    ResponseEntity<?> accessLog(@RequestParam(required = false) String token,
                                @RequestParam(required = false) String actorId,
                                @RequestParam(defaultValue = "100") int limit, JwtAuthenticationToken principal) {
        List<String> roles = rolesOf(principal);
        if (!roles.contains(Role.AUDITOR.name()) && !roles.contains(Role.PII_OFFICER.name())) {
            return forbidden("the vault access log needs AUDITOR or PII_OFFICER");
        }
        return ResponseEntity.ok(Map.of("items", log.find(token, actorId, Math.max(1, Math.min(limit, MAX_LOG_ROWS)))));
    }

    private static List<String> rolesOf(JwtAuthenticationToken principal) {
        return principal.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList();
    }

    private static ResponseEntity<ProblemDetail> forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, AccessDenied.RULE_ID, detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String ruleId, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("ruleId", ruleId);
        problem.setProperty("message", detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
