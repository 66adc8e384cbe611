package io.wirewatch.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Module boundaries at class level (the enforcer checks the same on the Maven graph): the three services never use
 * each other; production code never uses the embedded broker or the test harness; lower layers never use higher
 * ones.
 */
@AnalyzeClasses(packages = "io.wirewatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule ingestStandsAlone = noClasses().that().resideInAPackage("io.wirewatch.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.enrich..", "io.wirewatch.sink..");

    @ArchTest
    static final ArchRule enrichStandsAlone = noClasses().that().resideInAPackage("io.wirewatch.enrich..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.sink..");

    @ArchTest
    static final ArchRule sinkStandsAlone = noClasses().that().resideInAPackage("io.wirewatch.sink..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.enrich..");

    @ArchTest
    static final ArchRule productionNeverEmbedsTheBroker = noClasses()
            .that().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.enrich..", "io.wirewatch.sink..",
                    "io.wirewatch.registry..", "io.wirewatch.platform..", "io.wirewatch.serde..",
                    "io.wirewatch.schemas..", "io.wirewatch.avro..", "io.wirewatch.tagger..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.embedded..", "io.wirewatch.testkit..",
                    "kafka.server..", "io.zonky..", "org.testcontainers..");

    @ArchTest
    static final ArchRule platformKnowsNoService = noClasses().that().resideInAnyPackage("io.wirewatch.platform..",
                    "io.wirewatch.serde..", "io.wirewatch.schemas..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirewatch.ingest..", "io.wirewatch.enrich..",
                    "io.wirewatch.sink..", "io.wirewatch.registry..", "io.wirewatch.cli..");

    @ArchTest
    static final ArchRule taggerKnowsNoKafka = noClasses().that().resideInAPackage("io.wirewatch.tagger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.wirewatch.platform..",
                    "io.wirewatch.serde..");

    @ArchTest
    static final ArchRule serdeStandsBelowThePlatform = noClasses().that().resideInAPackage("io.wirewatch.serde..")
            .should().dependOnClassesThat().resideInAPackage("io.wirewatch.platform..");
}
