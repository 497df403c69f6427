package gated.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * Every exercise of the course, notebook by notebook. Each lesson's exercises are defined in one small
 * class beside this one ({@code Lesson04} …), which states the inputs the question gives and computes
 * the answer from them with the library.
 */
public final class CourseExercises {
  private CourseExercises() {}

  private static final class Holder {
    static final ExerciseBook BOOK = ExerciseBook.of(collect());
  }

  public static ExerciseBook book() {
    return Holder.BOOK;
  }

  private static List<Exercise> collect() {
    List<Exercise> all = new ArrayList<>();
    // Lessons add their exercises here, in notebook order, e.g. all.addAll(Lesson04.exercises());
    all.addAll(Lesson01.exercises());
    all.addAll(Lesson02.exercises());
    all.addAll(Lesson03.exercises());
    all.addAll(Lesson04.exercises());
    all.addAll(Lesson05.exercises());
    all.addAll(Lesson06.exercises());
    all.addAll(Lesson07.exercises());
    all.addAll(Lesson08.exercises());
    all.addAll(Lesson09.exercises());
    all.addAll(Lesson10.exercises());
    all.addAll(Lesson11.exercises());
    all.addAll(Lesson12.exercises());
    all.addAll(Lesson13.exercises());
    all.addAll(Lesson14.exercises());
    all.addAll(Lesson15.exercises());
    all.addAll(Lesson16.exercises());
    all.addAll(Lesson17.exercises());
    return all;
  }
}
