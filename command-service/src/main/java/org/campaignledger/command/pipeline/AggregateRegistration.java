package org.campaignledger.command.pipeline;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.campaignledger.kernel.envelope.MetaDataKeys;

/**
 * Registers an aggregate so that the expected version travels in the command's metadata (from the body's
 * {@code expectedVersion} or the {@code If-Match} header) instead of in every command record.
 */
public final class AggregateRegistration {
    private AggregateRegistration() {
    }

    public static ConfigurerModule of(Class<?> aggregateType) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(aggregateType)
                .configureCommandTargetResolver(c -> new ExpectedVersionTargetResolver()));
    }

    static final class ExpectedVersionTargetResolver implements CommandTargetResolver {
        private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

        @Override
        public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
            VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
            Object expected = command.getMetaData().get(MetaDataKeys.EXPECTED_VERSION);
            return new VersionedAggregateIdentifier(target.getIdentifierValue(),
                    expected == null ? null : Long.valueOf(expected.toString()));
        }
    }
}
