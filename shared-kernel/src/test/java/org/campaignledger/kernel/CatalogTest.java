package org.campaignledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void every_event_carries_a_revision() {
        assertThat(Catalog.events()).isNotEmpty();
        Catalog.events().values().forEach(type -> assertThat(type.getAnnotation(Revision.class))
                .as(type.getSimpleName() + " has @Revision").isNotNull());
    }

    @Test
    void every_command_names_its_target_aggregate_and_is_a_record() {
        Catalog.commands().values().forEach(type -> {
            assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
            assertThat(Arrays.stream(type.getDeclaredFields())
                    .filter(f -> f.isAnnotationPresent(TargetAggregateIdentifier.class)).count())
                    .as(type.getSimpleName() + " has one @TargetAggregateIdentifier").isEqualTo(1);
        });
    }

    /** Commands lead with their verb (RecordOpinion); events with their subject (OpinionRecorded). */
    @Test
    void commands_are_imperative_and_events_are_facts() {
        assertThat(Catalog.command("RegisterUnit")).isPresent();
        assertThat(Catalog.event("UnitRegistered")).isPresent();
        java.util.Set<String> verbs = new java.util.HashSet<>();
        Catalog.commands().keySet().forEach(name -> verbs.add(name.split("(?=[A-Z])")[0]));
        Catalog.events().keySet().forEach(name -> assertThat(verbs)
                .as(name + " reads like a command").doesNotContain(name.split("(?=[A-Z])")[0]));
        assertThat(java.util.Collections.disjoint(Catalog.commands().keySet(), Catalog.events().keySet())).isTrue();
    }
}
