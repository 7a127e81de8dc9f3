package org.campaignledger.query.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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
import org.springframework.stereotype.Controller;

/**
 * How the query side's features stand to each other: no package cycle, the toolkit every feature builds on
 * (ingest, read access, platform) knows none of them, and no feature calls another one's controller.
 */
@AnalyzeClasses(packages = "org.campaignledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesTest {
    private static final String ROOT = "org.campaignledger.query";
    private static final String[] TOOLKIT = {ROOT + ".ingest..", ROOT + ".access..", ROOT + ".platform.."};

    /** Sliced from one level up, so that the root package is a slice too and a cycle through it counts. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("org.campaignledger.(**)")
            .should().beFreeOfCycles();

    /** What read access needs from a feature's read model comes in through a RoleSource the feature provides. */
    @ArchTest
    static final ArchRule toolkit_knows_no_feature = classes()
            .that().resideInAnyPackage(TOOLKIT)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(TOOLKIT)));

    @ArchTest
    static final ArchRule controllers_serve_only_http = classes()
            .that().areMetaAnnotatedWith(Controller.class)
            .should(new ArchCondition<JavaClass>("be used by no other feature") {
                @Override
                public void check(JavaClass controller, ConditionEvents events) {
                    for (Dependency dependency : controller.getDirectDependenciesToSelf()) {
                        if (!dependency.getOriginClass().getPackageName().equals(controller.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });
}
