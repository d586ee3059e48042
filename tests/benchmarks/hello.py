"""The baseline: a bare Flask app that says hello. Served like Checkje, it shows the framework's own limit."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello, world!"
