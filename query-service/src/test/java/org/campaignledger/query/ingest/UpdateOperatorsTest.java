package org.campaignledger.query.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The update operators projections use mean in memory what they mean to MongoDB. */
class UpdateOperatorsTest {
    private final UpdateOperators operators = new UpdateOperators(MongoClientSettings.getDefaultCodecRegistry());

    @Test
    void set_creates_the_path_and_unset_removes_the_leaf() {
        Document document = new Document("_id", "d");
        operators.apply(document, Updates.combine(Updates.set("gates.PLAN", true), Updates.set("state", "S")), false);
        operators.apply(document, Updates.unset("state"), false);
        assertThat(document).isEqualTo(new Document("_id", "d").append("gates", new Document("PLAN", true)));
    }

    @Test
    void a_numeric_step_indexes_into_an_array() {
        Document document = new Document("steps", List.of(new Document("no", 1), new Document("no", 2)));
        operators.apply(document, Updates.set("steps.1.record", "APPROVED"), false);
        assertThat(document.getList("steps", Document.class).get(1).getString("record")).isEqualTo("APPROVED");
        assertThat(document.getList("steps", Document.class).get(0)).doesNotContainKey("record");
    }

    @Test
    void set_on_insert_applies_only_to_a_new_document() {
        Document document = new Document("_id", "d");
        operators.apply(document, Updates.setOnInsert("day", "2014-01-01"), false);
        assertThat(document).doesNotContainKey("day");
        operators.apply(document, Updates.setOnInsert("day", "2014-01-02"), true);
        assertThat(document.getString("day")).isEqualTo("2014-01-02");
    }

    @Test
    void inc_keeps_mongodb_number_types() {
        Document document = new Document("i", 1).append("l", 1L).append("d", 1.5);
        operators.apply(document, Updates.combine(Updates.inc("i", 2), Updates.inc("l", 2), Updates.inc("d", 1),
                Updates.inc("fresh.count", -1), Updates.inc("wide", Integer.MAX_VALUE)), false);
        operators.apply(document, Updates.inc("wide", 1), false);
        assertThat(document.get("i")).isEqualTo(3);
        assertThat(document.get("l")).isEqualTo(3L);
        assertThat(document.get("d")).isEqualTo(2.5);
        assertThat(document.get("fresh", Document.class).get("count")).isEqualTo(-1);
        assertThat(document.get("wide")).isEqualTo(Integer.MAX_VALUE + 1L);
    }

    @Test
    void max_replaces_only_a_smaller_value() {
        Document document = new Document();
        operators.apply(document, Updates.max("attempts", 2), false);
        operators.apply(document, Updates.max("attempts", 1), false);
        assertThat(document.get("attempts")).isEqualTo(2);
        operators.apply(document, Updates.max("attempts", 3), false);
        assertThat(document.get("attempts")).isEqualTo(3);
    }

    @Test
    void push_appends_and_a_negative_slice_keeps_the_last_elements() {
        Document document = new Document();
        operators.apply(document, Updates.push("batches", 1), false);
        operators.apply(document, Updates.push("batches", 2), false);
        assertThat(document.getList("batches", Integer.class)).containsExactly(1, 2);
        for (int i = 0; i < 4; i++) {
            operators.apply(document, Updates.pushEach("recent", List.of("w" + i), new PushOptions().slice(-3)), false);
        }
        assertThat(document.getList("recent", String.class)).containsExactly("w1", "w2", "w3");
    }

    @Test
    void add_to_set_adds_once_and_pull_removes_by_value_or_by_fields() {
        Document document = new Document("roster", List.of(new Document("personId", "p1").append("position", "HEAD"),
                new Document("personId", "p2").append("position", "MEMBER")));
        operators.apply(document, Updates.addToSet("reworks", "r1"), false);
        operators.apply(document, Updates.addToSet("reworks", "r1"), false);
        operators.apply(document, Updates.addToSet("reworks", "r2"), false);
        operators.apply(document, Updates.pull("reworks", "r1"), false);
        operators.apply(document, Updates.pull("roster", new Document("personId", "p1")), false);
        assertThat(document.getList("reworks", String.class)).containsExactly("r2");
        assertThat(document.getList("roster", Document.class)).extracting(d -> d.getString("personId"))
                .containsExactly("p2");
    }

    @Test
    void an_operator_it_does_not_know_is_refused() {
        assertThatThrownBy(() -> operators.apply(new Document(), Updates.rename("a", "b"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$rename");
    }
}
