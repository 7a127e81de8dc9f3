package org.campaignledger.command.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.campaignledger.command.access.AccessControl;
import org.campaignledger.command.clock.ClockMode;
import org.campaignledger.command.evaluation.FormTokens;
import org.campaignledger.command.portal.RateLimitProperties;
import org.campaignledger.kernel.evaluation.EvaluationEnums.Rating;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand.RecordEvaluationForm;
import org.campaignledger.kernel.id.PersonId;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web layer of the command service with its real security chain and filters, the pipeline mocked: public
 * submissions without an account, their rate limit, and the hardening every answer gets (issue 4).
 */
@WebMvcTest(properties = {
        "ledger.web.allowed-origins=https://dashboard.example.org",
        "ledger.web.trusted-proxies=10.9.9.9",
        "ledger.web.max-request-body=2KB",
        "ledger.public.rate-limit.capacity=3",
        "ledger.public.rate-limit.refill-per-minute=1"},
        // the vault's reader is not under test here and needs its database
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.campaignledger\\.command\\.vault\\..*"))
@Import({SecurityConfig.class, ProblemAuthenticationEntryPoint.class, PublicEndpointsWebTest.Beans.class})
class PublicEndpointsWebTest {
    private static final String OPINION = """
            {"campaignId":"cmp-1","collectedAtUnitId":"town-1","rawText":"The permit window is slow",
             "submitterCategory":"SERVICE_OBJECT","name":"Wang Fang","contact":"138-0000-0000"}""";
    private static final String FORM = """
            {"token":"tok-1","participantCategory":"RESIDENT","overall":"SATISFIED"}""";
    private static final EvaluationId EVALUATION = EvaluationId.of("cmp-1:2:town-1:STAGE_1:1");

    @TestConfiguration
    @EnableConfigurationProperties({WebProperties.class, RateLimitProperties.class})
    static class Beans {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2014-03-01T02:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        ClockMode clockMode() {
            return ClockMode.SYSTEM;
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandPipeline pipeline;
    @MockitoBean
    FormTokens formTokens;
    @MockitoBean
    AccessControl access;
    @MockitoBean
    JwtDecoder jwtDecoder;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private void accepting() {
        when(pipeline.execute(any())).thenReturn(new CommandResult(CommandResult.Outcome.ACCEPTED, 201, null, "op-1",
                "{\"outcome\":\"ACCEPTED\",\"aggregateId\":\"op-1\"}", false));
    }

    @Test
    void an_opinion_needs_no_account_and_carries_nothing_of_the_client() throws Exception {
        accepting();
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("203.0.113.7"))
                        .header("X-Forwarded-For", "198.51.100.23").header("User-Agent", "Fingerprint/1.0")
                        .header("X-Correlation-Id", "tracking-me").header("X-Channel", "MOBILE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.aggregateId").value("op-1"));
        ArgumentCaptor<CommandRequest> sent = ArgumentCaptor.forClass(CommandRequest.class);
        verify(pipeline).execute(sent.capture());
        CommandRequest request = sent.getValue();
        assertThat(request.commandType()).isEqualTo("RecordOpinion");
        assertThat(request.actor()).isEqualTo(new Actor("anonymous", List.of("PUBLIC"), "PORTAL"));
        assertThat(request.correlationId()).isNull();
        assertThat(request.admission()).isNull();
        assertThat(request.body().toString()).doesNotContain("203.0.113.7", "198.51.100.23", "Fingerprint",
                "tracking-me");
        assertThat(request.body().at("/channel").asText()).isEqualTo("ONLINE_PLATFORM");
        assertThat(request.body().at("/receivedOn").asText()).isEqualTo("2014-03-01");
        assertThat(request.body().at("/mode/naming").asText()).isEqualTo("NAMED");
        // the name and contact go as the command's submitterPii, which the aggregate puts into the vault only
        assertThat(request.body().at("/submitterPii/name").asText()).isEqualTo("Wang Fang");
    }

    @Test
    void an_opinion_without_a_name_is_back_to_back() throws Exception {
        accepting();
        mvc.perform(json(post("/api/public/opinions"),
                        "{\"campaignId\":\"cmp-1\",\"collectedAtUnitId\":\"town-1\",\"rawText\":\"Too many meetings\"}")
                        .with(from("203.0.113.8")))
                .andExpect(status().isCreated());
        ArgumentCaptor<CommandRequest> sent = ArgumentCaptor.forClass(CommandRequest.class);
        verify(pipeline).execute(sent.capture());
        assertThat(sent.getValue().body().at("/mode/naming").asText()).isEqualTo("ANONYMOUS");
        assertThat(sent.getValue().body().has("submitterPii")).isFalse();
    }

    @Test
    void a_field_the_public_payload_does_not_have_is_a_400_problem() throws Exception {
        mvc.perform(json(post("/api/public/opinions"),
                        "{\"campaignId\":\"cmp-1\",\"collectedAtUnitId\":\"town-1\",\"rawText\":\"x\","
                                + "\"collectedByPersonId\":\"someone\"}").with(from("203.0.113.9")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verify(pipeline, never()).execute(any());
    }

    @Test
    void beyond_the_burst_a_client_gets_429_with_retry_after_and_others_do_not() throws Exception {
        accepting();
        for (int i = 0; i < 3; i++) {
            mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("192.0.2.10")))
                    .andExpect(status().isCreated());
        }
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("192.0.2.10")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.ruleId").value("R-API-RATE-LIMIT"))
                .andExpect(jsonPath("$.status").value(429));
        // a forged X-Forwarded-For from an untrusted peer changes nothing
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("192.0.2.10"))
                        .header("X-Forwarded-For", "192.0.2.99"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("192.0.2.11")))
                .andExpect(status().isCreated());
    }

    @Test
    void behind_the_trusted_proxy_each_forwarded_client_has_its_own_bucket() throws Exception {
        accepting();
        for (int i = 0; i < 3; i++) {
            mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("10.9.9.9"))
                    .header("X-Forwarded-For", "192.0.2.50")).andExpect(status().isCreated());
        }
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("10.9.9.9"))
                .header("X-Forwarded-For", "192.0.2.50")).andExpect(status().isTooManyRequests());
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("10.9.9.9"))
                .header("X-Forwarded-For", "192.0.2.51, 10.9.9.9")).andExpect(status().isCreated());
    }

    @Test
    void a_form_is_admitted_by_its_token_which_the_pipeline_spends_with_it() throws Exception {
        accepting();
        when(formTokens.evaluationOf("tok-1")).thenReturn(Optional.of(EVALUATION));
        mvc.perform(json(post("/api/public/evaluation-forms"), FORM).with(from("203.0.113.20"))
                        .header("Idempotency-Key", "0190b3c4-0000-7000-8000-000000000001"))
                .andExpect(status().isCreated());
        ArgumentCaptor<CommandRequest> sent = ArgumentCaptor.forClass(CommandRequest.class);
        verify(pipeline).execute(sent.capture());
        CommandRequest request = sent.getValue();
        assertThat(request.commandType()).isEqualTo("RecordEvaluationForm");
        assertThat(request.actor().personId()).isEqualTo("anonymous");
        assertThat(request.body().at("/evaluationId").asText()).isEqualTo(EVALUATION.value());
        assertThat(request.body().at("/formId").asText()).isEqualTo("form-0190b3c4-0000-7000-8000-000000000001");
        assertThat(request.body().toString()).doesNotContain("tok-1");
        verify(formTokens, never()).spend(anyString(), any());
        request.admission().spend(new RecordEvaluationForm(EVALUATION, "form-x", "RESIDENT", Rating.SATISFIED, null));
        verify(formTokens).spend("tok-1", EVALUATION);
    }

    @Test
    void a_form_with_an_unknown_token_or_none_is_refused_before_any_command() throws Exception {
        when(formTokens.evaluationOf("forged")).thenReturn(Optional.empty());
        mvc.perform(json(post("/api/public/evaluation-forms"), FORM.replace("tok-1", "forged"))
                        .with(from("203.0.113.21")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value(FormTokens.UNKNOWN));
        mvc.perform(json(post("/api/public/evaluation-forms"), "{\"participantCategory\":\"RESIDENT\"}")
                        .with(from("203.0.113.21")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.field").value("token"));
        verify(pipeline, never()).execute(any());
    }

    private String bearer(String person) {
        when(jwtDecoder.decode("t-" + person)).thenReturn(Jwt.withTokenValue("t-" + person).header("alg", "none")
                .subject(person).claim("person_id", person).claim("roles", List.of()).build());
        return "Bearer t-" + person;
    }

    @Test
    void the_host_of_an_open_session_issues_its_form_tokens_others_may_not() throws Exception {
        when(access.authorise(eq("OpenEvaluationSession"), any(), eq(EVALUATION), any(), any(), any()))
                .thenReturn(List.of("UNIT_SECRETARY"));
        when(formTokens.hostOfOpenSession(EVALUATION)).thenReturn(Optional.of(PersonId.of("sec-town-1")));
        when(formTokens.issue(EVALUATION, 2)).thenReturn(List.of("a", "b"));
        String path = "/api/evaluations/" + EVALUATION.value() + "/form-tokens";
        mvc.perform(json(post(path), "{\"count\":2}").header("Authorization", bearer("sec-town-1")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.tokens[1]").value("b"));
        mvc.perform(json(post(path), "{\"count\":2}").header("Authorization", bearer("sec-other")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-EVL-02"));
        mvc.perform(json(post(path), "{\"count\":0}").header("Authorization", bearer("sec-town-1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.field").value("count"));
        when(formTokens.hostOfOpenSession(EVALUATION)).thenReturn(Optional.empty());
        mvc.perform(json(post(path), "{\"count\":2}").header("Authorization", bearer("sec-town-1")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-API-STATE"));
        mvc.perform(json(post(path), "{\"count\":2}"))
                .andExpect(status().isUnauthorized());
        verify(formTokens).issue(EVALUATION, 2);
    }

    @Test
    void commands_still_need_a_bearer_token() throws Exception {
        mvc.perform(json(post("/api/commands/RecordOpinion"), "{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void every_answer_carries_the_hardening_headers_and_hsts_on_tls() throws Exception {
        accepting();
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("203.0.113.30")).secure(true))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfig.API_CSP))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(json(post("/api/public/opinions"), OPINION).with(from("203.0.113.30")))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void a_preflight_from_the_dashboard_is_allowed_and_from_elsewhere_refused() throws Exception {
        mvc.perform(options("/api/commands/RecordOpinion").header("Origin", "https://dashboard.example.org")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "Authorization, Content-Type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://dashboard.example.org"));
        mvc.perform(options("/api/commands/RecordOpinion").header("Origin", "https://evil.example.com")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void a_body_over_the_limit_is_a_413_problem() throws Exception {
        String large = "{\"campaignId\":\"cmp-1\",\"collectedAtUnitId\":\"town-1\",\"rawText\":\""
                + "x".repeat(3000) + "\"}";
        mvc.perform(json(post("/api/public/opinions"), large).with(from("203.0.113.40")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.ruleId").value("R-API-TOO-LARGE"));
        verify(pipeline, never()).execute(any());
    }

    @Test
    void unknown_paths_wrong_methods_and_media_types_are_problems_without_traces() throws Exception {
        for (var request : List.of(json(post("/api/public/nothing-here"), "{}"), get("/api/public/opinions"),
                post("/api/public/opinions").contentType(MediaType.TEXT_PLAIN).content("hello"))) {
            String body = mvc.perform(request.with(from("203.0.113.50")))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.trace").doesNotExist())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("Exception", "at org.", "springframework");
        }
        mvc.perform(json(post("/api/public/nothing-here"), "{}").with(from("203.0.113.51")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/public/opinions").with(from("203.0.113.51")))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/api/public/opinions").contentType(MediaType.TEXT_PLAIN).content("hello")
                        .with(from("203.0.113.51")))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void the_error_page_is_a_bare_problem() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("internal id x-1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").doesNotExist())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}
