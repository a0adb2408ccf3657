package vn.edu.lms.content.library.extraction;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The command line of a child JVM: the server's own java, a small heap that ends the JVM on the first
 * OutOfMemoryError, and the server's classpath, in either of its two forms:
 * <ul>
 * <li>an ordinary classpath (tests, the IDE, {@code java -cp}): the child's main class is named directly;</li>
 * <li>a Spring Boot executable jar ({@code java -jar lms.jar}, where the classpath is that one jar and the
 * libraries are nested in {@code BOOT-INF/lib}): Boot's {@code PropertiesLauncher} opens the nested jars
 * and runs the class named by {@code loader.main}.</li>
 * </ul>
 */
final class ChildCommand {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    static final String LOGGING = "vn/edu/lms/content/library/extraction/child-logback.xml";
    /** The prefix of each child's private temporary directory. */
    static final String TEMP_PREFIX = "lms-extraction-";

    private final List<String> jvm;
    private final List<String> main;

    private ChildCommand(List<String> jvm, List<String> main) {
        this.jvm = jvm;
        this.main = main;
    }

    static ChildCommand of(ExtractionProperties properties) {
        return of(properties, System.getProperty("java.class.path"), ExtractionChild.class.getName());
    }

    /** The command for another main class (tests stand in children that misbehave on purpose). */
    static ChildCommand of(ExtractionProperties properties, String serverClassPath, String mainClass) {
        List<String> jvm = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + properties.maxHeap().toMegabytes() + "m",
            // Exit code 3 on the first OutOfMemoryError: the server reports out-of-memory and starts a fresh child.
            "-XX:+ExitOnOutOfMemoryError",
            // The JVM's own messages (that one included) must not land in the protocol on standard output.
            "-XX:+DisplayVMOutputToStderr",
            // One parse at a time in a small heap: the serial collector is the cheapest.
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Dlogback.configurationFile=" + LOGGING));
        String classPath = absolute(serverClassPath);
        List<String> main = new ArrayList<>();
        if (isBootJar(classPath)) {
            main.addAll(List.of("-Dloader.main=" + mainClass, "-cp", classPath, BOOT_LAUNCHER));
        } else {
            main.addAll(List.of("-cp", classPath, mainClass));
        }
        main.addAll(ChildSettings.of(properties).toArguments());
        return new ChildCommand(List.copyOf(jvm), List.copyOf(main));
    }

    /** The full command for a child whose temporary files go to {@code temp}. */
    List<String> forTemporaryDirectory(Path temp) {
        List<String> command = new ArrayList<>(jvm);
        command.add("-Djava.io.tmpdir=" + temp);
        command.addAll(main);
        return command;
    }

    /** Whether the classpath is a single Spring Boot executable jar. */
    static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (var jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null || jar.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The child starts in its own temporary directory, so relative entries (java -jar web/target/lms.jar) must be made absolute. */
    private static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    }
}
