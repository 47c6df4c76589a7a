from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.ticket_list, name="tickets"),
    path("new/", views.ticket_new, name="new"),
    path("new/preview/", views.ticket_preview, name="preview"),
    path("tickets/<str:number>/", views.ticket_detail, name="ticket"),
    path("tickets/<str:number>/reply/", views.ticket_reply, name="reply"),
    path("tickets/<str:number>/callback/", views.callback_book, name="callback"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("sign-in-link/", views.magic_request, name="magic_request"),
    path("sign-in-link/<str:token>/", views.magic_redeem, name="magic_redeem"),
]
