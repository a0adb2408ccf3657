package vn.edu.lms.search.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import vn.edu.lms.content.library.LibraryCaller;
import vn.edu.lms.content.library.item.LibraryAccess;

/**
 * {@link LibraryAccess#maySee} as an Elasticsearch filter, clause for clause, so that a search
 * (and its facet counts) can never show what fetching the item would refuse; plus: shared items
 * are found once they have a ready file, their owner finds them at any stage.
 */
final class VisibilityFilter {

    private VisibilityFilter() {
    }

    static Query of(LibraryCaller caller) {
        List<Query> any = new ArrayList<>();
        any.add(term("ownerId", caller.accountId()));
        Query notPrivate = bool(List.of(), List.of(term("scope", "PRIVATE")));
        if (caller.districtAdmin()) {
            any.add(notPrivate);
        } else {
            if (!caller.administeredSchools().isEmpty()) {
                any.add(bool(List.of(notPrivate, terms("schoolId", caller.administeredSchools())), List.of()));
            }
            if (!caller.classIds().isEmpty()) {
                any.add(bool(List.of(term("scope", "CLASS"), terms("classIds", caller.classIds())), List.of()));
            }
            if (!caller.schoolIds().isEmpty()) {
                any.add(bool(List.of(terms("scope", List.of("SCHOOL", "DISTRICT")), terms("schoolId", caller.schoolIds())), List.of()));
            }
            any.add(bool(List.of(term("scope", "DISTRICT"), term("appraisal", "APPROVED")), List.of()));
            if (!caller.reviewedSubjects().isEmpty()) {
                any.add(bool(List.of(term("scope", "DISTRICT"), term("appraisal", "SUBMITTED"), terms("subjectCode", caller.reviewedSubjects())),
                    List.of()));
            }
        }
        Query visible = QueryBuilders.bool(b -> b.should(any).minimumShouldMatch("1"));
        Query searchable = QueryBuilders.bool(b -> b.should(term("state", "READY"), term("ownerId", caller.accountId())).minimumShouldMatch("1"));
        return QueryBuilders.bool(b -> b.filter(visible, searchable).mustNot(term("deleted", true)));
    }

    static Query term(String field, String value) {
        return QueryBuilders.term(t -> t.field(field).value(value));
    }

    static Query term(String field, boolean value) {
        return QueryBuilders.term(t -> t.field(field).value(value));
    }

    static Query terms(String field, Collection<String> values) {
        List<FieldValue> list = values.stream().map(FieldValue::of).toList();
        return QueryBuilders.terms(t -> t.field(field).terms(v -> v.value(list)));
    }

    private static Query bool(List<Query> filters, List<Query> mustNot) {
        return QueryBuilders.bool(b -> b.filter(filters).mustNot(mustNot));
    }
}
