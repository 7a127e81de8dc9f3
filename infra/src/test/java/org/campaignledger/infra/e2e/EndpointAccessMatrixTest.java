package org.campaignledger.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.campaignledger.infra.auth.DemoAccounts;
import org.junit.jupiter.api.Test;

/**
 * The command service's endpoints other than {@code POST /api/commands/{Type}} (whose every command type is in
 * the command-side AuthorisationMatrixTest) and the query service's (in ReadAuthorisationMatrixTest): every
 * endpoint × every demo account, and without a token, on the embedded stack with real tokens. An account may use
 * an endpoint when the answer is neither 401 nor 403; otherwise it must be refused with exactly one of them.
 */
class EndpointAccessMatrixTest {
    private final LedgerClient client = new LedgerClient(EmbeddedEnvironment.shared());

    /** An endpoint, the accounts (by role) it is open to, and how to call it as an account (null: no token). */
    private record Endpoint(String name, Set<String> openToRoles, BiFunction<LedgerClient, String, Integer> call) {
        boolean opensTo(List<String> roles) {
            return openToRoles.contains("*") || roles.stream().anyMatch(openToRoles::contains)
                    || openToRoles.contains("AUDITOR+PII_ACCESS") && roles.containsAll(List.of("AUDITOR", "PII_ACCESS"));
        }
    }

    private List<Endpoint> endpoints() {
        String now = client.clock().body().get("now").asText();
        String evaluation = "cmp-matrix:2:unit-nobody-holds:STAGE_1:1";
        return List.of(
                new Endpoint("GET /api/commands", Set.of("*"),
                        (c, account) -> c.commandSideGet("/api/commands", account).status()),
                new Endpoint("GET /api/clock", Set.of("*"),
                        (c, account) -> c.commandSideGet("/api/clock", account).status()),
                new Endpoint("POST /api/clock/advance", Set.of("SYSTEM_ADMIN"),
                        (c, account) -> c.post("/api/clock/advance", Map.of("to", now), account, Map.of()).status()),
                new Endpoint("GET /api/vault/{token}", Set.of("PII_OFFICER", "AUDITOR+PII_ACCESS"),
                        (c, account) -> c.commandSideGet("/api/vault/vlt_not_a_token", account).status()),
                new Endpoint("GET /api/vault/access-log", Set.of("PII_OFFICER", "AUDITOR"),
                        (c, account) -> c.commandSideGet("/api/vault/access-log", account).status()),
                // the session host of that unit, which no demo account's person is; the importer loads records
                new Endpoint("POST /api/evaluations/{id}/form-tokens", Set.of("DATA_IMPORT"),
                        (c, account) -> c.post("/api/evaluations/" + evaluation + "/form-tokens",
                                Map.of("count", 1), account, Map.of()).status()));
    }

    @Test
    void everyOtherEndpointEveryAccountAndNoToken() {
        int cases = 0;
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (DemoAccounts.Account account : DemoAccounts.ALL) {
                cases++;
                int status = endpoint.call().apply(client, account.clientId());
                boolean open = endpoint.opensTo(account.roles());
                if (open ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint.name() + " as " + account.clientId() + ": " + status);
                }
            }
            cases++;
            int anonymous = endpoint.call().apply(client, null);
            if (anonymous != 401) {
                wrong.add(endpoint.name() + " without a token: " + anonymous);
            }
        }
        // Open to everyone, token or not; one call each, since these share a per-client rate limit.
        for (String path : List.of("/api/public/opinions", "/api/public/evaluation-forms")) {
            for (String account : new String[] {null, "auditor"}) {
                cases++;
                int status = client.post(path, Map.of(), account, Map.of()).status();
                if (status == 401 || status == 403) {
                    wrong.add("POST " + path + " as " + account + ": " + status);
                }
            }
        }
        System.out.printf("endpoint access matrix: %d cases%n", cases);
        assertThat(wrong).isEmpty();
        assertThat(cases).isEqualTo(6 * (DemoAccounts.ALL.size() + 1) + 4);
    }
}
