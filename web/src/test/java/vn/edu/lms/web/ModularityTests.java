package vn.edu.lms.web;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ImportOption;

/** The feature packages form modules that depend on each other only through their public API, without cycles. */
class ModularityTests {

    /** Production code only: the shared test support in the modules' test jars is not part of the design. */
    private static final ImportOption PRODUCTION = location ->
        new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");

    private final ApplicationModules modules = ApplicationModules.of(LmsApplication.class, PRODUCTION);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
