/**
 * Test blueprints (ma trận đề / bảng đặc tả) and the papers drawn to fit them: whether the bank can
 * fill a blueprint, and per-student or fixed papers, reproducible from their seed.
 */
@NullMarked
@NamedInterface("blueprint")
package vn.edu.lms.api.assessment.blueprint;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
