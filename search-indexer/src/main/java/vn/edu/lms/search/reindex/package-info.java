/** Rebuilding the library index beside the live one and switching the alias to it, with no downtime. */
@NullMarked
package vn.edu.lms.search.reindex;

import org.jspecify.annotations.NullMarked;
