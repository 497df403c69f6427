/**
 * Exercises whose expected answers are computed by the library and never shown in a notebook.
 *
 * <p>A student's check cell names only the exercise and the student's own variables:
 *
 * <pre>
 *   Exercises.check("04.1", answer1);               // a number, a count, a vector or a choice 'A'..'E'
 *   Exercises.check("04.4", answer4, bobDan);       // lesson objects the exercise is about, by name
 *   Exercises.compare("11.2", prediction2, run2);    // predict, then run: the prediction against the run
 * </pre>
 *
 * The expected value is computed here from the same inputs the question states (see
 * {@link gated.exercise.CourseExercises}), so it is never typed into a notebook, and a wrong answer gets a
 * hint (wrong sign? wrong size? off by a factor of two? a known slip?) rather than the answer.
 */
package gated.exercise;
