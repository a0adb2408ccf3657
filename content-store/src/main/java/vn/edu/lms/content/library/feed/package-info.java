@NullMarked
@NamedInterface("feed")
package vn.edu.lms.content.library.feed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
