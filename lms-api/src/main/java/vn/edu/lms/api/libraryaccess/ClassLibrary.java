package vn.edu.lms.api.libraryaccess;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.LibraryCallers;
import vn.edu.lms.content.library.item.LibraryAccess;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.LibraryItems;

/**
 * Library items handed to a class (in lessons, with assignments): whether the teacher may pick them
 * and whether the class's students may open them, by the library's own rules.
 */
@Component
public class ClassLibrary {

    private final LibraryItems items;
    private final LibraryCallers callers;

    ClassLibrary(LibraryItems items, LibraryCallers callers) {
        this.items = items;
        this.callers = callers;
    }

    /** A student of the class as the library sees them: the school and the class, nothing more. */
    public static LibraryCaller learnerOf(String schoolId, String classId) {
        return new LibraryCaller("", Set.of(schoolId), Set.of(classId), Set.of(), Set.of(), false, Set.of());
    }

    /** Whether a student of the class may open the item. */
    public static boolean openToClass(String schoolId, String classId, LibraryItem item) {
        return !item.deleted() && LibraryAccess.maySee(learnerOf(schoolId, classId), item);
    }

    /** The items by id, as they are now (withdrawn ones included, missing ones left out). */
    public Mono<Map<String, LibraryItem>> items(Collection<String> itemIds) {
        return Flux.fromIterable(Set.copyOf(itemIds)).concatMap(items::item).collectMap(LibraryItem::id, Function.identity());
    }

    /** Of {@code itemIds}, those a student of the class may not open (missing and withdrawn ones too). */
    public Mono<List<String>> hiddenFrom(String schoolId, String classId, List<String> itemIds) {
        return items(itemIds).map(found -> itemIds.stream()
            .filter(id -> !found.containsKey(id) || !openToClass(schoolId, classId, found.get(id))).distinct().toList());
    }

    /** Of {@code itemIds}, those the current user may not see (missing and withdrawn ones too). */
    public Mono<List<String>> unseenBy(List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.zip(callers.current(), items(itemIds)).map(found -> itemIds.stream().filter(id -> {
            LibraryItem item = found.getT2().get(id);
            return item == null || item.deleted() || !LibraryAccess.maySee(found.getT1(), item);
        }).distinct().toList());
    }
}
