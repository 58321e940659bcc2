from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("questions/", views.question_list_view, name="question_list"),
    path("questions/similar/", views.similar_questions, name="similar_questions"),
    path("c/<slug:slug>/questions/", views.community_questions, name="community_questions"),
    path("c/<slug:slug>/ask/", views.ask_question, name="ask_question"),
    path("q/<int:pk>-<str:slug>", views.question_detail, name="question_detail"),
    path("q/<int:pk>", views.question_detail, name="question_detail_short"),
    path("q/<int:pk>/answer/", views.question_answer, name="question_answer"),
    path("q/<int:pk>/duplicate/", views.question_duplicate, name="question_duplicate"),
    path("q/<int:pk>/reopen/", views.question_reopen, name="question_reopen"),
    path("e/<int:pk>/comment/", views.entry_comment, name="entry_comment"),
    path("e/<int:pk>/accept/", views.answer_accept, name="answer_accept"),
]
