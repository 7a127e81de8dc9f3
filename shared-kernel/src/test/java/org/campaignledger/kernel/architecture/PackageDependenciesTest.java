package org.campaignledger.kernel.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kernel's packages form no cycle. Only the root package (the Catalog) may know every feature's sealed
 * interfaces; the building blocks the features are written in (commands, ids, envelope, JSON) know none of them.
 */
@AnalyzeClasses(packages = "org.campaignledger.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {
    private static final String[] BUILDING_BLOCKS = {"org.campaignledger.kernel.command..",
        "org.campaignledger.kernel.id..", "org.campaignledger.kernel.envelope..", "org.campaignledger.kernel.json.."};

    /** Sliced from one level up, so that the root package is a slice too and a cycle through it counts. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("org.campaignledger.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule building_blocks_know_no_feature = classes()
            .that().resideInAnyPackage(BUILDING_BLOCKS)
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.campaignledger.kernel..")
                    .or(resideInAnyPackage(BUILDING_BLOCKS)));
}
