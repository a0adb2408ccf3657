/** How often each library item is opened: counted per download, fed to the search index as popularity. */
@NullMarked
@NamedInterface("popularity")
package vn.edu.lms.content.library.popularity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
