package org.campaignledger.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain (aggregates, their ports, rule violations) stays free of Spring and infrastructure types. */
@AnalyzeClasses(packages = "org.campaignledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsolationTest {

    @ArchTest
    static final ArchRule domain_uses_no_framework_or_infrastructure = noClasses()
            .that().resideInAPackage("..command..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "com.mongodb..", "org.bson..", "jakarta.servlet..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule domain_does_not_reach_into_adapters = noClasses()
            .that().resideInAPackage("..command..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.pipeline..", "..command.eventstore..",
                    "..command.publishing..", "..command.access..", "..command.clock..", "..command.portal..");
}
