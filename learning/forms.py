from django.contrib.auth.forms import UserCreationForm


class SignupForm(UserCreationForm):
    """A username and a password twice; validated by the project's password validators."""

    class Meta(UserCreationForm.Meta):
        fields = ("username",)
