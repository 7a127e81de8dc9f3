package org.campaignledger.kernel.command;

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

    @Test
    void commands_are_imperative_and_events_past_tense() {
        assertThat(Catalog.command("RegisterUnit")).isPresent();
        assertThat(Catalog.event("UnitRegistered")).isPresent();
        // DOMAIN's irregular participles, and events that end with the object they were assigned to or from
        Catalog.events().keySet().forEach(name ->
                assertThat(name).matches(".*(ed|Overridden|Held|Heard)((To|From)[A-Z]\\w*)?$"));
    }
}
