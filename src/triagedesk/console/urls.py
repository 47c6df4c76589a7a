"""Mounted at the site root: sign-in pages for everyone, the console under /console/."""

from django.urls import path

from .views import auth, board, reports, ticket, tools

app_name = "console"

urlpatterns = [
    path("", auth.home, name="home"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.auth_views.LogoutView.as_view(next_page="/login/"), name="logout"),
    path("language/", auth.language, name="language"),
    path("password-reset/", auth.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", auth.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password-reset/done/", auth.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("console/", board.board, name="board"),
    path("console/tickets/<str:number>/", ticket.ticket_detail, name="ticket"),
    path("console/tickets/<str:number>/<slug:action>/", ticket.ticket_action, name="ticket_action"),
    path("console/attachments/<int:pk>/", ticket.attachment_download, name="attachment"),
    path("console/callbacks/<int:pk>/<slug:status>/", ticket.callback_close, name="callback_close"),
    path("console/phone/", tools.phone_intake, name="phone"),
    path("console/search/", tools.search, name="search"),
    path("console/reports/triage/", reports.triage_report, name="report_triage"),
    path("console/mail/", tools.mail_quarantine, name="mail"),
    path("console/mail/<int:pk>/reprocess/", tools.mail_reprocess, name="mail_reprocess"),
]
