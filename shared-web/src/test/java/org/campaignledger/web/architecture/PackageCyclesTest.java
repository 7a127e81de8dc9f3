package org.campaignledger.web.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.campaignledger.web", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    /** Sliced from one level up, so that the root package is a slice too and a cycle through it counts. */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("org.campaignledger.(**)")
            .should().beFreeOfCycles();
}
