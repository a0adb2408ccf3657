package vn.edu.lms.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.web.reactive.config.EnableWebFlux;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Rules the compiler does not check. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("vn.edu.lms");

    @Test
    void noPackageCycles() {
        slices().matching("vn.edu.lms.(*).(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void bootConfiguresWebFluxNotUs() {
        noClasses().should().beAnnotatedWith(EnableWebFlux.class).check(classes);
    }

    @Test
    void lowerModulesNeverReachUp() {
        noClasses().that().resideInAPackage("vn.edu.lms.content..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.edu.lms.search..", "vn.edu.lms.api..", "vn.edu.lms.web..")
            .check(classes);
        noClasses().that().resideInAPackage("vn.edu.lms.search..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.edu.lms.api..", "vn.edu.lms.web..")
            .check(classes);
        noClasses().that().resideInAPackage("vn.edu.lms.api..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.edu.lms.web..")
            .check(classes);
    }

    @Test
    void logsGoThroughTheLoggerNotStandardOutput() {
        // Two exceptions: the start-up failure line, printed when logging may be what failed, and the
        // first admin's generated password, which must reach the console but never the log.
        noClasses().that().doNotImplement(FailureAnalysisReporter.class)
            .and().doNotHaveFullyQualifiedName("vn.edu.lms.api.account.BootstrapAdmin")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(classes);
    }
}
