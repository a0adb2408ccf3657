@NullMarked
@NamedInterface("item")
package vn.edu.lms.content.library.item;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
