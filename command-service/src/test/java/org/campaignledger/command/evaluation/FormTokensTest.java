package org.campaignledger.command.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.campaignledger.command.TestDatabase;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.evaluation.EvaluationId;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationSessionOpened;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent.EvaluationTallied;
import org.campaignledger.kernel.evaluation.SatisfactionRule;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** One-time form tokens against the real table: issued while in session, spent once, expired by the close. */
class FormTokensTest {
    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.dataSource());
    private final FormTokens tokens = new FormTokens(jdbc);
    // a fresh evaluation per test, so tests share the database without meeting
    private final EvaluationId evaluation = EvaluationId.of("cmp-" + UUID.randomUUID().toString().substring(0, 8)
            + ":2:town-1:STAGE_1:1");
    private final PersonId host = PersonId.of("sec-town-1");

    private void open() {
        tokens.on(new EvaluationSessionOpened(evaluation, evaluation.participationId(),
                evaluation.participationId().unitId(), EvaluationType.STAGE_1, 1, null, LocalDate.of(2014, 3, 10), host,
                Map.of("RESIDENT", 100)));
    }

    private void close() {
        tokens.on(new EvaluationTallied(evaluation, evaluation.participationId(), evaluation.participationId().unitId(),
                EvaluationType.STAGE_1, 1, 1, 1, 0, 0, 0, 1, 1, true, Map.of(), host, SatisfactionRule.TWO_THIRDS));
    }

    private static void rejectedWith(Runnable spend, String ruleId) {
        assertThatThrownBy(spend::run).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.ruleId()).isEqualTo(ruleId);
            assertThat(v.details()).containsEntry("field", "token");
        });
    }

    @Test
    void a_session_that_opened_has_a_host_and_its_tokens_are_stored_only_as_digests() {
        assertThat(tokens.hostOfOpenSession(evaluation)).isEmpty();
        open();
        assertThat(tokens.hostOfOpenSession(evaluation)).contains(host);
        List<String> issued = tokens.issue(evaluation, 5);
        assertThat(Set.copyOf(issued)).hasSize(5);
        List<String> stored = jdbc.queryForList("SELECT token_sha256 FROM evaluation_form_token WHERE evaluation_id = ?",
                String.class, evaluation.value());
        assertThat(stored).hasSize(5).doesNotContainAnyElementsOf(issued)
                .containsExactlyInAnyOrderElementsOf(issued.stream().map(FormTokens::sha256).toList());
        assertThat(tokens.evaluationOf(issued.get(0))).contains(evaluation);
        assertThat(tokens.evaluationOf("never-issued")).isEmpty();
    }

    @Test
    void a_token_records_one_form_and_is_refused_the_second_time() {
        open();
        String token = tokens.issue(evaluation, 1).get(0);
        tokens.spend(token, evaluation);
        rejectedWith(() -> tokens.spend(token, evaluation), FormTokens.USED);
    }

    @Test
    void a_token_of_another_session_or_none_is_unknown() {
        open();
        String token = tokens.issue(evaluation, 1).get(0);
        rejectedWith(() -> tokens.spend(token, EvaluationId.of("cmp-x:2:town-9:STAGE_1:1")), FormTokens.UNKNOWN);
        rejectedWith(() -> tokens.spend("forged", evaluation), FormTokens.UNKNOWN);
    }

    @Test
    void closing_the_session_expires_its_unspent_tokens() {
        open();
        List<String> issued = tokens.issue(evaluation, 2);
        tokens.spend(issued.get(0), evaluation);
        close();
        assertThat(tokens.hostOfOpenSession(evaluation)).isEmpty();
        rejectedWith(() -> tokens.spend(issued.get(1), evaluation), FormTokens.EXPIRED);
        rejectedWith(() -> tokens.spend(issued.get(0), evaluation), FormTokens.USED);
    }
}
