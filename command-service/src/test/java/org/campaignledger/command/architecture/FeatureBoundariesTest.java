package org.campaignledger.command.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;

/**
 * How the command side's features stand to each other: no package cycle, and a feature reaches another only
 * through what that one publishes (the ports of its domain and the records and enums they hand out), never
 * through its aggregates, rules or controllers.
 */
@AnalyzeClasses(packages = "org.campaignledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesTest {
    private static final String ROOT = "org.campaignledger.command";

    /** Sliced from one level up, so that the root package is a slice too and a cycle through it counts. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("org.campaignledger.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aggregates_and_rules_stay_in_their_feature = classes()
            .that().resideInAPackage(ROOT + ".(*).domain..")
            .and().areNotInterfaces().and().areNotRecords().and().areNotEnums()
            .should(beUsedOnlyByTheirFeatureOrTheWiring());

    @ArchTest
    static final ArchRule controllers_serve_only_http = classes()
            .that().areMetaAnnotatedWith(Controller.class)
            .should(beUsedOnlyByTheirFeatureOrTheWiring());

    /** The rules every aggregate shares (state guard, deadlines, platform rules) know no aggregate. */
    @ArchTest
    static final ArchRule shared_domain_knows_no_feature = classes()
            .that().resideInAPackage(ROOT + ".domain..")
            .should().onlyDependOnClassesThat(
                    resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(ROOT + ".domain..")));

    private static ArchCondition<JavaClass> beUsedOnlyByTheirFeatureOrTheWiring() {
        return new ArchCondition<>("be used only by their own feature or the application's wiring") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    boolean wiring = origin.getPackageName().equals(ROOT)
                            || origin.isMetaAnnotatedWith(Configuration.class);
                    if (!wiring && !feature(origin).equals(feature(target))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package below the root: {@code organisation} for {@code ...command.organisation.domain}. */
    private static String feature(JavaClass type) {
        String below = type.getPackageName().substring(Math.min(type.getPackageName().length(), ROOT.length() + 1));
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }
}
